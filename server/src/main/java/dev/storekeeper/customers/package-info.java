/**
 * Customers: the buyers and leads of a seller, with their tags, their order counters and
 * the blacklist.
 */
@NullMarked
package dev.storekeeper.customers;

import org.jspecify.annotations.NullMarked;
