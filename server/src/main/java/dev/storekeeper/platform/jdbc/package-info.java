/**
 * Where data lives and how it is read: the data source (embedded H2 or PostgreSQL), row
 * and scoped-page helpers, slug columns, server-wide settings, the read cache and the
 * invalidations that keep every node's cache in step.
 */
@NullMarked
@NamedInterface("jdbc")
package dev.storekeeper.platform.jdbc;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.NamedInterface;
