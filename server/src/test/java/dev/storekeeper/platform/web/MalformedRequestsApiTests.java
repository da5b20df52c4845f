package dev.storekeeper.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.storekeeper.support.ApiTest;
import dev.storekeeper.support.Http;
import dev.storekeeper.support.Http.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A corpus of hostile and broken requests: every one gets a 4xx in the error shape, never
 * a 500.
 */
class MalformedRequestsApiTests extends ApiTest {

	static Stream<Arguments> corpus() {
		String json = "application/json";
		return Stream.of(Arguments.of("PATCH", "/v1/account", "{", json),
				Arguments.of("PATCH", "/v1/account", "{\"name\":", json),
				Arguments.of("PATCH", "/v1/account", "[1,2,3]", json),
				Arguments.of("PATCH", "/v1/account", "\"x\"", json), Arguments.of("PATCH", "/v1/account", "null", json),
				Arguments.of("PATCH", "/v1/account", "42", json),
				Arguments.of("PATCH", "/v1/account", "{\"name\":{\"nested\":true}}", json),
				Arguments.of("PATCH", "/v1/account", "{\"name\":[1]}", json),
				Arguments.of("PATCH", "/v1/account", "{\"socialLinks\":\"x\"}", json),
				Arguments.of("PATCH", "/v1/account", "{\"socialLinks\":[1,2]}", json),
				Arguments.of("PATCH", "/v1/account",
						"{\"socialLinks\":[{\"name\":\"a\",\"url\":\"javascript:alert(1)\"}]}", json),
				Arguments.of("PATCH", "/v1/account", "{\"linkInBioPage\":[]}", json),
				Arguments.of("PATCH", "/v1/account", "{\"name\":\"" + "x".repeat(101) + "\"}", json),
				Arguments.of("PATCH", "/v1/account", "{\"availableSupportEmail\":\"'; drop table accounts; --\"}",
						json),
				Arguments.of("PATCH", "/v1/account", "{\"name\":\"a\",\"name\":}", json),
				Arguments.of("PATCH", "/v1/account", "\u00ff\u00fe", json),
				Arguments.of("PATCH", "/v1/account", "{\"name\":\"x\"}", "text/plain"),
				Arguments.of("PATCH", "/v1/account", "<xml/>", "application/xml"),
				Arguments.of("POST", "/v1/api_tokens", "{\"apiToken\":{\"name\":\"x\",\"access\":123}}", json),
				Arguments.of("POST", "/v1/api_tokens", "{\"access\":true}", json),
				Arguments.of("POST", "/v1/api_tokens", "{\"apiToken\":[]}", json),
				Arguments.of("POST", "/v1/api_tokens", "", json), Arguments.of("POST", "/v1/api_tokens", "   ", json),
				Arguments.of("GET", "/v1/api_tokens?limit=1e3", null, null),
				Arguments.of("GET", "/v1/api_tokens?page=%27%20or%201%3D1", null, null),
				Arguments.of("GET", "/v1/api_tokens/%27%20or%201%3D1--", null, null),
				Arguments.of("GET", "/v1/api_tokens/" + "x".repeat(5000), null, null),
				Arguments.of("GET", "/v1/api_tokens/%E2%9C%93%F0%9F%98%80", null, null),
				Arguments.of("GET", "/v1/api_tokens/..%2F..%2Fetc%2Fpasswd", null, null),
				Arguments.of("DELETE", "/v1/api_tokens/tok_doesnotexist", null, null),
				Arguments.of("PUT", "/v1/api_tokens", "{}", json), Arguments.of("PROPFIND", "/v1/account", null, null),
				Arguments.of("BREW", "/v1/account", null, null), Arguments.of("POST", "/v1/account", "{}", json),
				Arguments.of("GET", "/v1/", null, null), Arguments.of("GET", "/v1", null, null),
				Arguments.of("GET", "/v1/customers?query=a%00b", null, null),
				Arguments.of("GET", "/v1/orders?customer_id=cus_%00", null, null),
				Arguments.of("GET", "/v1/blog_posts?category_id=%00", null, null),
				Arguments.of("GET", "/v1/products?type=%ff", null, null),
				Arguments.of("GET", "/v1/customers?query=%c3%28", null, null),
				Arguments.of("GET", "/v1/orders?page=%ff", null, null),
				Arguments.of("GET", "/health?x=%ff", null, null), Arguments.of("GET", "/metrics?x=%ff", null, null),
				Arguments.of("GET", "/checkout/cs_doesnotexist?x=%ff", null, null),
				Arguments.of("POST", "/v1/webhook_endpoints/we_x/rotate_secret", "<x/>", "application/xml"),
				Arguments.of("POST", "/v1/customers", "email=a%40b.c", "application/x-www-form-urlencoded"),
				Arguments.of("POST", "/v1/products",
						"--b\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nx\r\n--b--\r\n",
						"multipart/form-data; boundary=b"),
				Arguments.of("POST", "/v1/products", "--b\r\nbroken", "multipart/form-data; boundary=b"),
				Arguments.of("POST", "/v1/products", "--b\r\nbroken", "multipart/form-data"));
	}

	@ParameterizedTest
	@MethodSource("corpus")
	void answersWithAClientErrorInTheErrorShape(String method, String path, String body, String contentType) {
		Http http = this.http.as(this.sellers.create().test());
		Response response = http.send(method, path, body, contentType);
		assertThat(response.status()).as(method + " " + path + " " + body).isBetween(400, 499);
		assertThat(response.header("Content-Type")).startsWith("application/json");
		assertThat(response.at("/error/type")).isNotEmpty();
		assertThat(response.at("/error/message")).isNotEmpty();
	}

	@Test
	void unicodeAndInjectionStringsAreStoredAsText() {
		Http http = this.http.as(this.sellers.create().test());
		String name = "Ünïcødé ✓ 😀 '; drop table accounts; -- <script>alert(1)</script>";
		Response response = http.patch("/v1/account", java.util.Map.of("name", name));
		assertThat(response.status()).isEqualTo(200);
		assertThat(http.get("/v1/account").at("/name")).isEqualTo(name);
	}

	@Test
	void brokenRequestLinesAreRefusedInJson() throws IOException {
		for (String target : List.of("/v1/account%zz", "/v1/../../etc/passwd", "/v1/account%00", "/checkout/%00",
				"/v1/" + "a".repeat(20_000))) {
			String answer = raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
			assertThat(answer).as(target).startsWith("HTTP/1.1 4");
			assertThat(answer).as(target).contains("application/json").contains("\"error\"");
			// refused before any filter runs, yet hardened like every other answer
			assertThat(answer).as(target)
				.containsIgnoringCase("X-Frame-Options: DENY")
				.containsIgnoringCase("X-Content-Type-Options: nosniff")
				.containsIgnoringCase("Referrer-Policy: no-referrer")
				.containsIgnoringCase("Content-Security-Policy: frame-ancestors 'none'");
		}
	}

	private String raw(String request) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
		}
	}

}
