/**
 * Moving money: the gateways that charge and refund cards (the built-in sandbox; Stripe
 * in live mode), and the charges they made, with their receipt pages.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "platform", "platform::pages", "platform::web" })
package dev.storekeeper.payments;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
