package dev.storekeeper.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;

/**
 * The Crevio v1 reference document exactly as shipped (a byte-for-byte copy in the test
 * resources), as a judge of responses: what a client generated from it accepts.
 */
public final class ReferenceContract {

	/** Where the unmodified copy is on the test class path. */
	public static final String DOCUMENT = "reference/crevio-v1-openapi.json";

	private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
		.createForInlineApiSpecification(text())
		.withBasePathOverride("/v1")
		// JSON Schema's own rule: a schema without additionalProperties allows more
		// properties (the extensions); the validator's stricter default would refuse them
		.withLevelResolver(LevelResolver.create()
			.withLevel("validation.response.body.schema.additionalProperties", ValidationReport.Level.IGNORE)
			.build())
		.build();

	private ReferenceContract() {
	}

	/** The document's text. */
	public static String text() {
		try (InputStream in = ReferenceContract.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
			if (in == null) {
				throw new IllegalStateException(DOCUMENT + " is missing");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * What the reference finds wrong with {@code response} to {@code method path} (the
	 * path with its {@code /v1} prefix, without the query); empty when it is valid. A
	 * status the operation does not document is a problem too.
	 */
	public static List<String> problems(String method, String path, Http.Response response) {
		String pathOnly = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
		SimpleResponse.Builder builder = SimpleResponse.Builder.status(response.status());
		String contentType = response.header("Content-Type");
		if (contentType != null) {
			builder.withContentType(contentType.startsWith("application/json") ? "application/json" : contentType);
		}
		if (!response.body().isEmpty()) {
			builder.withBody(response.body());
		}
		ValidationReport report = VALIDATOR.validateResponse(pathOnly, Request.Method.valueOf(method), builder.build());
		return report.getMessages()
			.stream()
			.filter((message) -> message.getLevel() == ValidationReport.Level.ERROR)
			.map((message) -> message.getKey() + ": " + message.getMessage())
			.toList();
	}

}
