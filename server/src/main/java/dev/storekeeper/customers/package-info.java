/**
 * Customers: the buyers and leads of a seller, with their tags, their order counters and
 * the blacklist.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "platform", "platform::jdbc", "platform::web", "sales" })
package dev.storekeeper.customers;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
