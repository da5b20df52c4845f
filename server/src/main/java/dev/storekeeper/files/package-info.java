/**
 * Files: uploads streamed to the local disk or S3-compatible storage, external links, and
 * signed, expiring download URLs.
 */
@NullMarked
package dev.storekeeper.files;

import org.jspecify.annotations.NullMarked;
