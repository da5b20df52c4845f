/**
 * HTTP conventions every resource shares: authentication, access levels, errors, request
 * bodies, pagination, expansion, prefixed ids, request ids, idempotency, rate limits, and
 * storage.
 */
@NullMarked
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package dev.storekeeper.platform;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
