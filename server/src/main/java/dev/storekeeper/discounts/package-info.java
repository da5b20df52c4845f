/**
 * Discount codes: their rules, their derived status, the pricing of a set of lines under
 * one, and redemption that never passes its limit.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "catalog", "platform", "platform::jdbc", "platform::web" })
package dev.storekeeper.discounts;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
