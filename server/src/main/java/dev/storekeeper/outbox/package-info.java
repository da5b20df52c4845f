/**
 * The outbox: what happened, recorded in the transaction of the change that caused it, so
 * an entry exists exactly when its change does; the webhooks module writes it and fans it
 * out into deliveries.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "platform", "platform::web" })
package dev.storekeeper.outbox;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
