package dev.storekeeper.catalog;

/**
 * A product in brief, for other capabilities that name it (an order's line, a report).
 */
public record ProductSummary(long id, String prefixId, String name, String slug, String status, String url) {

}
