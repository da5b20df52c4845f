package dev.storekeeper.files;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import dev.storekeeper.support.Http;

/** Builds {@code multipart/form-data} bodies for upload tests. */
final class Multipart {

	private static final String BOUNDARY = "----storekeeper-test-boundary";

	static final String CONTENT_TYPE = "multipart/form-data; boundary=" + BOUNDARY;

	private final ByteArrayOutputStream body = new ByteArrayOutputStream();

	/** A file part: {@code filename} and {@code contentType} may be null (left out). */
	Multipart file(String name, String filename, String contentType, byte[] bytes) {
		StringBuilder head = new StringBuilder("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name
				+ "\"" + ((filename != null) ? "; filename=\"" + filename + "\"" : "") + "\r\n");
		if (contentType != null) {
			head.append("Content-Type: ").append(contentType).append("\r\n");
		}
		head.append("\r\n");
		this.body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
		this.body.writeBytes(bytes);
		this.body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		return this;
	}

	Multipart field(String name, String value) {
		return file(name, null, null, value.getBytes(StandardCharsets.UTF_8));
	}

	byte[] bytes() {
		ByteArrayOutputStream done = new ByteArrayOutputStream();
		done.writeBytes(this.body.toByteArray());
		done.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return done.toByteArray();
	}

	/** Uploads one file as {@code POST /v1/files}. */
	static Http.Response upload(Http http, String filename, String contentType, String text) {
		return http.sendBytes("POST", "/v1/files",
				new Multipart().file("file", filename, contentType, text.getBytes(StandardCharsets.UTF_8)).bytes(),
				CONTENT_TYPE);
	}

}
