package dev.storekeeper.files;

import org.jspecify.annotations.Nullable;

/**
 * What another capability shows of a file (a download experience's content): enough to
 * name it and to make a signed URL for it.
 */
public record FileSummary(long fileId, String prefixId, String filename, String contentType, @Nullable Long size) {

}
