package dev.storekeeper.files;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A file row: an upload kept in storage under {@link #storageKey()}, or an external link.
 *
 * @param size bytes of a ready upload, else null
 * @param sha256 hex SHA-256 of a ready upload's bytes, else null
 */
record StoredFile(long id, String prefixId, long accountId, boolean livemode, String sourceType, String uploadStatus,
		@Nullable String url, String filename, String contentType, @Nullable Long size, @Nullable String sha256,
		@Nullable String provider, Instant createdAt, Instant updatedAt) {

	static final String UPLOAD = "upload";

	static final String EXTERNAL = "external";

	static final String READY = "ready";

	static final String PENDING = "pending";

	boolean pendingUpload() {
		return UPLOAD.equals(this.sourceType) && PENDING.equals(this.uploadStatus);
	}

	/** Where the bytes of an upload live: {@code <account>/<test|live>/<prefixId>}. */
	String storageKey() {
		return key(this.accountId, this.livemode, this.prefixId);
	}

	boolean downloadable() {
		return UPLOAD.equals(this.sourceType) && READY.equals(this.uploadStatus);
	}

	static String key(long accountId, boolean livemode, String prefixId) {
		return accountId + "/" + (livemode ? "live" : "test") + "/" + prefixId;
	}

}
