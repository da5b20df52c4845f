package dev.storekeeper.files;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

/** Where the bytes of uploads live: the local disk or an S3 bucket. */
interface FileStore {

	/**
	 * Keeps the bytes of {@code in} under {@code key}, read to its end; when reading or
	 * storing fails, nothing is kept.
	 */
	void put(String key, InputStream in, String contentType) throws IOException;

	/** Removes the bytes under {@code key}, if any. */
	void delete(String key) throws IOException;

	/** The bytes under {@code key}, to stream to a buyer. */
	InputStream open(String key) throws IOException;

	/**
	 * A short-lived address that serves the bytes itself (S3's presigned GET), or null
	 * when the server streams them ({@link #open}).
	 */
	@Nullable URI presignedGet(String key, String filename, String contentType);

	/**
	 * A presigned PUT of {@code key} valid for {@code ttl} (S3), or null when uploads of
	 * the reference flow come to the server's own signed {@code PUT /uploads/{prefixId}}.
	 */
	@Nullable URI presignedPut(String key, String contentType, Duration ttl);

}
