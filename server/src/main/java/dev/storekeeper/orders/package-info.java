/**
 * Orders: what a completed checkout bought, the access tokens that deliver it to the
 * buyer, and refunds.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "accounts", "catalog", "content", "customers", "discounts", "files",
		"payments", "platform", "platform::jdbc", "platform::pages", "platform::web", "sales" })
package dev.storekeeper.orders;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
