package dev.storekeeper.files;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.fileupload.FileItemIterator;
import org.apache.tomcat.util.http.fileupload.FileItemStream;
import org.apache.tomcat.util.http.fileupload.FileUpload;
import org.apache.tomcat.util.http.fileupload.FileUploadException;
import org.apache.tomcat.util.http.fileupload.servlet.ServletRequestContext;
import org.jspecify.annotations.Nullable;

import dev.storekeeper.platform.web.ApiError;
import dev.storekeeper.platform.web.Caller;
import dev.storekeeper.platform.web.ErrorResponses;
import dev.storekeeper.platform.web.Errors;
import dev.storekeeper.platform.web.Fields;
import dev.storekeeper.platform.web.InvalidParameter;
import dev.storekeeper.platform.web.JsonBody;
import dev.storekeeper.platform.web.Page;
import dev.storekeeper.platform.web.PageQuery;
import dev.storekeeper.platform.web.QueryParams;
import dev.storekeeper.platform.web.UnsupportedMediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/files}: the caller's files in its mode. An upload is a
 * {@code multipart/form-data} body streamed into storage part by part, never held in
 * memory; its size limit is enforced here, while the bytes stream.
 */
@RestController
@RequestMapping(path = "/v1/files", produces = "application/json")
class FileController {

	private static final int MAX_FILENAME = 255;

	private final Files files;

	FileController(Files files) {
		this.files = files;
	}

	@GetMapping
	Page<FileJson> list(Caller caller, PageQuery page,
			@RequestParam(name = "source_type", required = false) @Nullable String sourceType) {
		String type = QueryParams.oneOf("source_type",
				(sourceType != null) ? sourceType.trim().toLowerCase(Locale.ROOT) : null,
				Set.of(StoredFile.UPLOAD, StoredFile.EXTERNAL), null);
		return this.files.list(caller, page, type).map(this::json);
	}

	@GetMapping("/{id}")
	FileJson get(Caller caller, @PathVariable String id) {
		return json(this.files.get(caller, id));
	}

	@PostMapping(consumes = "multipart/form-data")
	ResponseEntity<FileJson> upload(Caller caller, HttpServletRequest request) throws IOException {
		Files.Received received = null;
		String partFilename = null;
		String partType = null;
		String chosenFilename = null;
		try {
			FileItemIterator items = new FileUpload().getItemIterator(new ServletRequestContext(request));
			while (items.hasNext()) {
				FileItemStream item = items.next();
				String name = item.getFieldName();
				if ("file".equals(name) && received == null) {
					partFilename = baseName(item.getName());
					partType = item.getContentType();
					try (InputStream in = item.openStream()) {
						received = this.files.receive(caller, in, contentType(partType, partFilename));
					}
				}
				else if ("filename".equals(name)) {
					try (InputStream in = item.openStream()) {
						chosenFilename = new String(in.readNBytes(4 * MAX_FILENAME), StandardCharsets.UTF_8).trim();
					}
				}
				else {
					try (InputStream in = item.openStream()) {
						in.transferTo(java.io.OutputStream.nullOutputStream());
					}
				}
			}
		}
		catch (FileUploadException ex) {
			discard(received);
			throw new InvalidParameter("The multipart/form-data body is malformed: " + ex.getMessage());
		}
		catch (RuntimeException | IOException ex) {
			discard(received);
			throw ex;
		}
		if (received == null) {
			throw Errors.of("file", "can't be blank");
		}
		String filename = (chosenFilename != null && !chosenFilename.isEmpty()) ? chosenFilename
				: (partFilename != null && !partFilename.isEmpty()) ? partFilename : "file";
		if (filename.length() > MAX_FILENAME || filename.contains("/") || filename.contains("\\")) {
			this.files.discard(received);
			throw Errors.of("filename", "must be at most 255 characters, without / or \\");
		}
		StoredFile file = this.files.record(caller, received, filename, contentType(partType, filename));
		return created(file);
	}

	@PostMapping(consumes = { "application/json", "application/*+json" })
	ResponseEntity<FileJson> create(Caller caller, JsonBody body) {
		Fields fields = body.unwrap("file");
		Errors errors = fields.errors();
		String sourceType = fields.string("sourceType");
		String url = fields.string("url");
		String filename = fields.string("filename");
		if (sourceType == null || StoredFile.UPLOAD.equals(sourceType)) {
			return pending(caller, fields, filename);
		}
		if (!StoredFile.EXTERNAL.equals(sourceType)) {
			errors.add("sourceType", "must be upload or external");
		}
		if (url == null || url.isBlank()) {
			errors.add("url", "can't be blank");
		}
		else if (url.length() > 2000 || !(url.startsWith("https://") || url.startsWith("http://")) || !validUri(url)) {
			errors.add("url", "must be an http(s) URL of at most 2000 characters");
		}
		if (filename != null && filename.length() > MAX_FILENAME) {
			errors.add("filename", "is too long (maximum is 255 characters)");
		}
		errors.throwIfAny();
		return created(this.files.external(caller, url.trim(), filename));
	}

	/** The reference flow: a pending upload with the URL to PUT its bytes to. */
	private ResponseEntity<FileJson> pending(Caller caller, Fields fields, @Nullable String filename) {
		Errors errors = fields.errors();
		String contentType = fields.string("contentType");
		if (filename == null || filename.isBlank()) {
			errors.add("filename", "can't be blank");
		}
		else if (filename.length() > MAX_FILENAME || filename.contains("/") || filename.contains("\\")) {
			errors.add("filename", "must be at most 255 characters, without / or \\");
		}
		if (contentType != null && (contentType.isBlank() || contentType.length() > 255)) {
			errors.add("contentType", "must be a media type of at most 255 characters");
		}
		errors.throwIfAny();
		String name = filename.trim();
		Files.Pending pending = this.files.pending(caller, name, contentType(contentType, name));
		FileJson json = json(pending.file()).withUpload(pending.uploadUrl(), pending.uploadHeaders());
		return ResponseEntity.created(URI.create("/v1/files/" + pending.file().prefixId())).body(json);
	}

	@PostMapping("/{id}/uploaded")
	FileJson uploaded(Caller caller, @PathVariable String id) {
		return json(this.files.uploaded(caller, id));
	}

	@PostMapping
	ResponseEntity<FileJson> unsupported() {
		throw new UnsupportedMediaType(
				"Upload a file as Content-Type: multipart/form-data (part file), or send application/json for an external link");
	}

	@DeleteMapping("/{id}")
	FileJson delete(Caller caller, @PathVariable String id) {
		StoredFile deleted = this.files.delete(caller, id);
		return FileJson.of(deleted, null);
	}

	@PostMapping("/{id}/download_url")
	DownloadUrlJson downloadUrl(Caller caller, @PathVariable String id, JsonBody body) {
		Fields fields = body.isEmpty() ? Fields.of(java.util.Map.of()) : body.fields();
		Long expiresIn = fields.integer("expiresIn");
		fields.errors().throwIfAny();
		long seconds = (expiresIn != null) ? expiresIn : 3600;
		if (seconds < 1 || seconds > Files.MAX_EXPIRES_IN) {
			throw Errors.of("expiresIn", "must be between 1 and 604800 seconds");
		}
		Files.SignedUrl url = this.files.downloadUrl(caller, id, seconds);
		return new DownloadUrlJson(url.url(), url.expiresAt());
	}

	@ExceptionHandler(FileTooLarge.class)
	void tooLarge(FileTooLarge ex, HttpServletResponse response) throws IOException {
		// the rest of the body is not read: the connection cannot be reused
		response.setHeader("Connection", "close");
		ErrorResponses.write(response, ApiError.of(413, "payload_too_large", ex.getMessage()));
	}

	private ResponseEntity<FileJson> created(StoredFile file) {
		return ResponseEntity.created(URI.create("/v1/files/" + file.prefixId())).body(json(file));
	}

	private FileJson json(StoredFile file) {
		return FileJson.of(file, this.files.fileUrl(file));
	}

	private void discard(Files.@Nullable Received received) {
		if (received != null) {
			this.files.discard(received);
		}
	}

	private static String contentType(@Nullable String given, @Nullable String filename) {
		if (given != null && !given.isBlank() && given.length() <= 255) {
			return given.trim();
		}
		return (filename != null) ? Downloads.contentType(filename) : "application/octet-stream";
	}

	private static @Nullable String baseName(@Nullable String submitted) {
		if (submitted == null) {
			return null;
		}
		String name = submitted.substring(Math.max(submitted.lastIndexOf('/'), submitted.lastIndexOf('\\')) + 1);
		return name.trim();
	}

	private static boolean validUri(String url) {
		try {
			return URI.create(url.trim()).getHost() != null;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/** A file on the wire. */
	record FileJson(long id, String prefixId, String object, boolean livemode, String sourceType, String uploadStatus,
			@Nullable String url, String filename, String contentType, @Nullable Long size, @Nullable String provider,
			@Nullable String fileUrl, @Nullable String sha256, Instant createdAt, Instant updatedAt,
			@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String uploadUrl,
			@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Map<String, String> uploadHeaders) {

		static FileJson of(StoredFile file, @Nullable String fileUrl) {
			return new FileJson(file.id(), file.prefixId(), "file", file.livemode(), file.sourceType(),
					file.uploadStatus(), file.url(), file.filename(), file.contentType(), file.size(), file.provider(),
					fileUrl, file.sha256(), file.createdAt(), file.updatedAt(), null, null);
		}

		/**
		 * The reference flow's answer: where to PUT the bytes, and with which headers.
		 */
		FileJson withUpload(String uploadUrl, Map<String, String> uploadHeaders) {
			return new FileJson(this.id, this.prefixId, this.object, this.livemode, this.sourceType, this.uploadStatus,
					this.url, this.filename, this.contentType, this.size, this.provider, this.fileUrl, this.sha256,
					this.createdAt, this.updatedAt, uploadUrl, uploadHeaders);
		}

	}

	/** A signed download URL and when it expires. */
	record DownloadUrlJson(String url, Instant expiresAt) {
	}

}
