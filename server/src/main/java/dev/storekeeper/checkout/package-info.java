/**
 * Checkouts: the session in which a buyer pays for price variants, its completion into
 * exactly one order through the API or the hosted page, carts and checkout links.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "accounts", "billing", "catalog", "customers", "discounts", "orders",
		"payments", "platform", "platform::jdbc", "platform::pages", "platform::web" })
package dev.storekeeper.checkout;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
