/**
 * Webhooks: endpoints, and the signed, retried, at-least-once delivery of the events in
 * the outbox to them.
 */
@NullMarked
package dev.storekeeper.webhooks;

import org.jspecify.annotations.NullMarked;
