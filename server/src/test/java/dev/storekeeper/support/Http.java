package dev.storekeeper.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.storekeeper.platform.web.OpenApiDocument;

/**
 * A small HTTP client for the tests. Every JSON response to a documented operation is
 * checked against the merged OpenAPI contract, and a mismatch fails the test: the
 * contract and the code cannot drift.
 */
public final class Http {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient CLIENT = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(10))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private static volatile OpenApiInteractionValidator validator;

	private final String base;

	private final String token;

	private final Map<String, String> headers;

	public Http(String base, String token) {
		this(base, token, Map.of());
	}

	private Http(String base, String token, Map<String, String> headers) {
		this.base = base;
		this.token = token;
		this.headers = headers;
	}

	/** The same client acting with {@code token}. */
	public Http as(String token) {
		return new Http(this.base, token, this.headers);
	}

	/** The same client sending one more header on each request. */
	public Http header(String name, String value) {
		Map<String, String> more = new LinkedHashMap<>(this.headers);
		more.put(name, value);
		return new Http(this.base, this.token, more);
	}

	public String base() {
		return this.base;
	}

	public Response get(String path) {
		return send("GET", path, null, null);
	}

	public Response delete(String path) {
		return send("DELETE", path, null, null);
	}

	/** POST with a body given as JSON text ({@code null} for none). */
	public Response post(String path, String json) {
		return send("POST", path, json, "application/json");
	}

	public Response patch(String path, String json) {
		return send("PATCH", path, json, "application/json");
	}

	/** POST with a body given as a map or record, serialised to JSON. */
	public Response post(String path, Object body) {
		return post(path, JSON.writeValueAsString(body));
	}

	public Response patch(String path, Object body) {
		return patch(path, JSON.writeValueAsString(body));
	}

	/** Any request, with the body and content type as given ({@code null} for none). */
	public Response send(String method, String path, String body, String contentType) {
		return sendBytes(method, path, (body != null) ? body.getBytes(StandardCharsets.UTF_8) : null, contentType);
	}

	/** Any request with a binary body (a multipart upload), {@code null} for none. */
	public Response sendBytes(String method, String path, byte[] body, String contentType) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(60))
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofByteArray(body)
					: HttpRequest.BodyPublishers.noBody());
		if (this.token != null) {
			request.header("Authorization", "Bearer " + this.token);
		}
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		this.headers.forEach(request::header);
		try {
			HttpResponse<byte[]> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			Response result = new Response(response.statusCode(), response.headers().map(),
					new String(response.body(), StandardCharsets.UTF_8));
			validate(method, path, result);
			return result;
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " " + path + " failed: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void validate(String method, String path, Response response) {
		String contentType = response.header("Content-Type");
		if (!path.startsWith("/v1/") || contentType == null || !contentType.startsWith("application/json")) {
			return;
		}
		String pathOnly = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
		Request.Method verb;
		try {
			verb = Request.Method.valueOf(method);
		}
		catch (IllegalArgumentException ex) {
			return;
		}
		SimpleResponse.Builder builder = SimpleResponse.Builder.status(response.status())
			.withContentType("application/json")
			.withBody(response.body());
		ValidationReport report = validator().validateResponse(pathOnly, verb, builder.build());
		List<ValidationReport.Message> problems = report.getMessages()
			.stream()
			.filter((message) -> message.getLevel() == ValidationReport.Level.ERROR)
			.filter((message) -> !message.getKey().equals("validation.request.path.missing"))
			.filter((message) -> !message.getKey().equals("validation.request.operation.notAllowed"))
			.filter((message) -> !(response.status() >= 400
					&& message.getKey().equals("validation.response.status.unknown")))
			.toList();
		if (response.status() >= 400) {
			JsonNode error = response.json().path("error");
			if (!error.path("type").isString() || !error.path("message").isString()) {
				throw new AssertionError(
						"Error response to " + method + " " + path + " is not in the error shape: " + response.body());
			}
		}
		if (!problems.isEmpty()) {
			throw new AssertionError("Response to " + method + " " + path + " (" + response.status()
					+ ") breaks openapi.yaml:\n" + problems + "\nbody: " + response.body());
		}
	}

	private static OpenApiInteractionValidator validator() {
		if (validator == null) {
			synchronized (Http.class) {
				if (validator == null) {
					try {
						String spec = JSON.writeValueAsString(OpenApiDocument.load());
						validator = OpenApiInteractionValidator.createForInlineApiSpecification(spec).build();
					}
					catch (IOException ex) {
						throw new IllegalStateException(ex);
					}
				}
			}
		}
		return validator;
	}

	/** A response: its status, headers and body, with the body as JSON on demand. */
	public record Response(int status, Map<String, List<String>> headers, String body) {

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

		/**
		 * The value at a JSON pointer such as {@code /error/type}, as text ("" when
		 * absent).
		 */
		public String at(String pointer) {
			JsonNode node = json().at(pointer);
			return node.isMissingNode() || node.isNull() ? "" : node.asString();
		}

		public String header(String name) {
			for (Map.Entry<String, List<String>> entry : this.headers.entrySet()) {
				if (entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
					return entry.getValue().get(0);
				}
			}
			return null;
		}

		@Override
		public String toString() {
			return this.status + " " + this.body;
		}

	}

}
