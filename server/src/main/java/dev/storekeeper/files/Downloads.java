package dev.storekeeper.files;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;

/** What a signed download URL answers, and the headers that go with a file's bytes. */
final class Downloads {

	private Downloads() {
	}

	/** A file's type from its name's extension, else {@code application/octet-stream}. */
	static String contentType(String filename) {
		return MediaTypeFactory.getMediaType(filename).orElse(MediaType.APPLICATION_OCTET_STREAM).toString();
	}

	/**
	 * {@code Content-Disposition: attachment} with the filename, safe for any characters.
	 */
	static String attachment(String filename) {
		return ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString();
	}

	/** The answer to a signed URL. */
	sealed interface Outcome permits Refused, Redirect, Bytes {

	}

	/** Refused with an error status. */
	record Refused(int status, String type, String message) implements Outcome {
	}

	/** Served elsewhere: S3's presigned GET. */
	record Redirect(URI location) implements Outcome {
	}

	/** Served here: the bytes of the file. */
	record Bytes(StoredFile file, InputStream in) implements Outcome {
	}

}
