/**
 * Files: uploads streamed to the local disk or S3-compatible storage, external links, and
 * signed, expiring download URLs.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "platform", "platform::jdbc", "platform::web" })
package dev.storekeeper.files;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
