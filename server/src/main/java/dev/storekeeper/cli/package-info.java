/**
 * The jar's commands for operators: {@code token create}, {@code account create},
 * {@code migrate}, and {@code backup} and {@code restore} of the embedded database.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "accounts", "platform::jdbc", "platform::web" })
package dev.storekeeper.cli;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
