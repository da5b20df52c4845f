/**
 * The Sellvy dialect of the API at {@code /sellvy/v1}: controllers and wire mapping
 * (snake_case, {@code {data}} envelopes, money in major units) over the public services
 * of the other modules, which keep the one set of rules.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "catalog", "content", "customers", "discounts", "orders", "platform::web" })
package dev.storekeeper.sellvy;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
