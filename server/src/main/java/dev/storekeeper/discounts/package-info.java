/**
 * Discount codes: their rules, their derived status, the pricing of a set of lines under
 * one, and redemption that never passes its limit.
 */
@NullMarked
package dev.storekeeper.discounts;

import org.jspecify.annotations.NullMarked;
