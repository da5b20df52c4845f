/**
 * Billing: subscriptions made by checkouts of recurring variants, their renewals and
 * dunning, invoices with their hosted page, and the test clocks that move their time.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "accounts", "catalog", "customers", "orders", "payments", "platform",
		"platform::jdbc", "platform::pages", "platform::web" })
package dev.storekeeper.billing;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
