package dev.storekeeper.files;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import dev.storekeeper.platform.web.ApiError;
import dev.storekeeper.platform.web.ErrorResponses;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code PUT /uploads/{prefixId}?expires=&signature=}: the signed upload URL of the
 * reference flow on local storage, needing no token. The body is the file's bytes,
 * streamed into storage under {@code FILES_MAX_SIZE}.
 */
@RestController
class UploadController {

	private final Files files;

	UploadController(Files files) {
		this.files = files;
	}

	@PutMapping("/uploads/{prefixId}")
	void put(@PathVariable String prefixId, @RequestParam(required = false) @Nullable String expires,
			@RequestParam(required = false) @Nullable String signature, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		Downloads.Refused refused;
		try (InputStream in = request.getInputStream()) {
			refused = this.files.put(prefixId, expires, signature, in);
		}
		if (refused != null) {
			response.setHeader("Connection", "close");
			ErrorResponses.write(response, ApiError.of(refused.status(), refused.type(), refused.message()));
			return;
		}
		response.setStatus(200);
	}

	@ExceptionHandler(FileTooLarge.class)
	void tooLarge(FileTooLarge ex, HttpServletResponse response) throws IOException {
		response.setHeader("Connection", "close");
		ErrorResponses.write(response, ApiError.of(413, "payload_too_large", ex.getMessage()));
	}

}
