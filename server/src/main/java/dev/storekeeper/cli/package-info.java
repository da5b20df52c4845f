/**
 * The jar's commands for operators: {@code token create}, {@code account create} and
 * {@code migrate}.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "accounts", "platform" })
package dev.storekeeper.cli;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
