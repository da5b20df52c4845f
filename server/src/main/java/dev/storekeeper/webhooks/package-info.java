/**
 * Webhooks: endpoints, and the signed, retried, at-least-once delivery of the events in
 * the outbox to them.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "billing", "catalog", "checkout", "customers", "orders", "outbox",
		"platform", "platform::jdbc", "platform::web", "sales", "sellvy" })
package dev.storekeeper.webhooks;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
