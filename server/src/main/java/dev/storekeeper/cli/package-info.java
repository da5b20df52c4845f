/**
 * The jar's commands for operators: {@code token create}, {@code account create} and
 * {@code migrate}.
 */
@NullMarked
package dev.storekeeper.cli;

import org.jspecify.annotations.NullMarked;
