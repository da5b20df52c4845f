/**
 * Seller accounts and the API tokens that act for them, in one mode and with one access
 * level each.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "platform", "platform::jdbc", "platform::web" })
package dev.storekeeper.accounts;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
