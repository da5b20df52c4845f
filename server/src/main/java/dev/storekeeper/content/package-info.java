/**
 * What a purchase grants and what a seller publishes: experiences (written pieces, links,
 * embeds, courses and downloads) and the blog, with its categories and scheduled posts.
 */
@NullMarked
@ApplicationModule(
		allowedDependencies = { "accounts", "files", "platform", "platform::jdbc", "platform::pages", "platform::web" })
package dev.storekeeper.content;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
