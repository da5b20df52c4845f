package dev.storekeeper.orders;

/** An order just placed. */
public record PlacedOrder(long id, String prefixId) {
}
