/**
 * Orders: what a completed checkout bought, the access tokens that deliver it to the
 * buyer, and refunds.
 */
@NullMarked
package dev.storekeeper.orders;

import org.jspecify.annotations.NullMarked;
