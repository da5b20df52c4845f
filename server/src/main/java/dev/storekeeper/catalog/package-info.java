/**
 * The catalog: products with their media and SEO, the price variants that sell them, and
 * their reviews, plus what checkout and orders need to sell them.
 */
@NullMarked
@ApplicationModule(
		allowedDependencies = { "accounts", "content", "platform", "platform::jdbc", "platform::web", "sales" })
package dev.storekeeper.catalog;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
