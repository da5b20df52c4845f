/**
 * The HTTP conventions every resource shares: authentication and access levels, rate
 * limits, body limits, security headers, request ids, idempotency, errors and their JSON
 * shape, request bodies ({@code Fields}), pagination, expansion, prefixed ids and
 * references, public URLs.
 */
@NullMarked
@NamedInterface("web")
package dev.storekeeper.platform.web;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.NamedInterface;
