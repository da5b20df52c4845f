package dev.storekeeper.files;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import dev.storekeeper.platform.web.ApiError;
import dev.storekeeper.platform.web.ErrorResponses;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /files/{prefixId}/{filename}?expires=&signature=}: a signed download URL,
 * needing no token. The bytes are streamed from the local disk, or the buyer is sent to a
 * 60-second presigned S3 GET.
 */
@RestController
class DownloadController {

	private final Files files;

	DownloadController(Files files) {
		this.files = files;
	}

	@GetMapping("/files/{prefixId}/{filename}")
	void download(@PathVariable String prefixId, @PathVariable String filename,
			@RequestParam(required = false) @Nullable String expires,
			@RequestParam(required = false) @Nullable String signature, HttpServletResponse response)
			throws IOException {
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("Cache-Control", "private, no-store");
		switch (this.files.download(prefixId, expires, signature)) {
			case Downloads.Refused refused ->
				ErrorResponses.write(response, ApiError.of(refused.status(), refused.type(), refused.message()));
			case Downloads.Redirect redirect -> {
				response.setStatus(302);
				response.setHeader("Location", redirect.location().toString());
			}
			case Downloads.Bytes bytes -> {
				StoredFile file = bytes.file();
				response.setStatus(200);
				response.setContentType(file.contentType());
				if (file.size() != null) {
					response.setContentLengthLong(file.size());
				}
				response.setHeader("Content-Disposition", Downloads.attachment(file.filename()));
				try (InputStream in = bytes.in()) {
					in.transferTo(response.getOutputStream());
				}
			}
		}
	}

}
