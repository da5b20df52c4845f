/**
 * What every capability shares, and nothing of any one capability: in this package the
 * small vocabulary of values ({@code Money}, {@code Slugs}, {@code Times}); in
 * {@code platform.web} the HTTP conventions (named interface {@code platform::web}); in
 * {@code platform.jdbc} storage, rows and the read cache ({@code platform::jdbc}). The
 * outbox is its own module. Modules name which of these they use in their
 * {@code allowedDependencies}.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {})
package dev.storekeeper.platform;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
