package dev.storekeeper.sellvy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;

import dev.storekeeper.support.Http;

/**
 * The tests' client of {@code /sellvy/v1}: every JSON response is checked against the
 * dialect's own contract (test resource {@code sellvy/openapi.yaml}), errors included.
 */
final class SellvyHttp {

	private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
		.createForInlineApiSpecification(contract())
		.build();

	private final Http http;

	SellvyHttp(String base, String token) {
		Http client = new Http(base, null);
		this.http = (token != null) ? client.as(token) : client;
	}

	Http.Response get(String path) {
		return check("GET", path, this.http.get("/sellvy/v1" + path));
	}

	Http.Response delete(String path) {
		return check("DELETE", path, this.http.delete("/sellvy/v1" + path));
	}

	Http.Response post(String path, String json) {
		return check("POST", path, this.http.post("/sellvy/v1" + path, json));
	}

	Http.Response patch(String path, String json) {
		return check("PATCH", path, this.http.patch("/sellvy/v1" + path, json));
	}

	Http.Response send(String method, String path, String body, String contentType) {
		return check(method, path, this.http.send(method, "/sellvy/v1" + path, body, contentType));
	}

	private static Http.Response check(String method, String path, Http.Response response) {
		String contentType = response.header("Content-Type");
		if (response.status() == 204) {
			if (!response.body().isEmpty()) {
				throw new AssertionError("A 204 to " + method + " " + path + " has a body: " + response.body());
			}
			return response;
		}
		if (contentType == null || !contentType.startsWith("application/json")) {
			throw new AssertionError("Not JSON: " + method + " " + path + " → " + response);
		}
		String pathOnly = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
		ValidationReport report = VALIDATOR.validateResponse("/sellvy/v1" + pathOnly, Request.Method.valueOf(method),
				SimpleResponse.Builder.status(response.status())
					.withContentType("application/json")
					.withBody(response.body())
					.build());
		List<ValidationReport.Message> problems = report.getMessages()
			.stream()
			.filter((message) -> message.getLevel() == ValidationReport.Level.ERROR)
			.filter((message) -> !message.getKey().equals("validation.request.path.missing"))
			.filter((message) -> !message.getKey().equals("validation.request.operation.notAllowed"))
			.toList();
		if (response.status() >= 400 && (!response.json().path("error").path("code").isString()
				|| response.json().path("error").path("status").asInt() != response.status())) {
			throw new AssertionError("Not in the seed's error shape: " + method + " " + path + " → " + response);
		}
		if (!problems.isEmpty()) {
			throw new AssertionError("Response to " + method + " " + path + " (" + response.status()
					+ ") breaks sellvy/openapi.yaml:\n" + problems + "\nbody: " + response.body());
		}
		return response;
	}

	private static String contract() {
		try (InputStream in = SellvyHttp.class.getClassLoader().getResourceAsStream("sellvy/openapi.yaml")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
