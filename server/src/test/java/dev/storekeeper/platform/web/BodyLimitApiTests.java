package dev.storekeeper.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.storekeeper.support.ApiTest;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every body is limited before it is read, whatever its content type, chunked or not:
 * bodies are streamed from a generator, never held by the test.
 */
class BodyLimitApiTests extends ApiTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** A body a few MB past the limit, streamed in chunks (no Content-Length). */
	private static final long OVER = BodyLimit.MAX_BYTES + 3L * 1024 * 1024;

	private HttpResponse<String> chunkedForm(String path, long size, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.http.base() + path))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new Generated(size)));
		if (headers.length > 0) {
			request.headers(headers);
		}
		try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
			return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
	}

	private static void assertTooLarge(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
		JsonNode error = JSON.readTree(response.body()).path("error");
		assertThat(error.path("type").asString()).isEqualTo("payload_too_large");
		assertThat(error.path("message").asString()).contains("1048576");
	}

	@Test
	void aChunkedFormBodyToTheStripeWebhookIsRefusedWithoutAToken() throws Exception {
		assertTooLarge(chunkedForm("/webhooks/stripe", OVER, "Stripe-Signature", "t=1,v1=x"));
	}

	@Test
	void aChunkedFormBodyWithAnIdempotencyKeyIsRefusedBeforeItIsFingerprinted() throws Exception {
		String token = this.sellers.create().test();
		assertTooLarge(
				chunkedForm("/v1/products", OVER, "Authorization", "Bearer " + token, "Idempotency-Key", "big-form-1"));
	}

	@Test
	void aChunkedFormBodyToTheHostedCheckoutPageIsRefused() throws Exception {
		assertTooLarge(chunkedForm("/checkout/cs_nothing", OVER));
	}

	@Test
	void aFormWithinTheLimitIsStillReadAsFields() throws Exception {
		// the body is kept, and its fields are parsed from those bytes
		HttpResponse<String> response = chunkedForm("/checkout/cs_nothing", 10_000);
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("Checkout not found");
	}

	@Test
	void aRouteThatDeclaresALargerLimitStreamsItsBodyUpToThatLimit() throws Exception {
		long limit = 3L * 1024 * 1024;
		BodyLimit filter = new BodyLimit(List.of(new BodyLimit.LargeBody("POST", "/v1/files", limit)));

		MockHttpServletResponse declared = new MockHttpServletResponse();
		MockFilterChain untouched = new MockFilterChain();
		filter.doFilter(upload(new byte[(int) limit + 1]), declared, untouched);
		assertThat(declared.getStatus()).isEqualTo(413);
		assertThat(untouched.getRequest()).isNull();

		long[] read = new long[1];
		MockFilterChain reader = new MockFilterChain() {
			@Override
			public void doFilter(jakarta.servlet.ServletRequest request, jakarta.servlet.ServletResponse response)
					throws IOException {
				read[0] = request.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
			}
		};
		filter.doFilter(upload(new byte[(int) limit]), new MockHttpServletResponse(), reader);
		assertThat(read[0]).isEqualTo(limit);

		MockFilterChain overReader = new MockFilterChain() {
			@Override
			public void doFilter(jakarta.servlet.ServletRequest request, jakarta.servlet.ServletResponse response)
					throws IOException {
				request.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
			}
		};
		assertThatThrownBy(
				() -> filter.doFilter(chunked(new byte[(int) limit + 1]), new MockHttpServletResponse(), overReader))
			.isInstanceOf(BodyLimit.PayloadTooLarge.class);

		// every other route keeps the default limit
		MockHttpServletRequest other = upload(new byte[BodyLimit.MAX_BYTES + 1]);
		other.setRequestURI("/v1/products");
		MockHttpServletResponse refused = new MockHttpServletResponse();
		filter.doFilter(other, refused, new MockFilterChain());
		assertThat(refused.getStatus()).isEqualTo(413);
	}

	/** An upload that does not declare its length, as a chunked one. */
	private static MockHttpServletRequest chunked(byte[] body) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/v1/files") {
			@Override
			public long getContentLengthLong() {
				return -1;
			}

			@Override
			public int getContentLength() {
				return -1;
			}
		};
		request.setContentType("multipart/form-data; boundary=x");
		request.setContent(body);
		return request;
	}

	private static MockHttpServletRequest upload(byte[] body) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/v1/files");
		request.setContentType("multipart/form-data; boundary=x");
		request.setContent(body);
		return request;
	}

	/** {@code a=bbbb…} of a given size, made as it is read. */
	private static final class Generated extends InputStream {

		private static final byte[] HEAD = "a=".getBytes(StandardCharsets.US_ASCII);

		private final long size;

		private long position;

		Generated(long size) {
			this.size = size;
		}

		@Override
		public int read() {
			if (this.position >= this.size) {
				return -1;
			}
			byte next = (this.position < HEAD.length) ? HEAD[(int) this.position] : (byte) 'b';
			this.position++;
			return next;
		}

		@Override
		public int read(byte[] buffer, int off, int len) {
			if (this.position >= this.size) {
				return -1;
			}
			int n = (int) Math.min(len, this.size - this.position);
			for (int i = 0; i < n; i++) {
				buffer[off + i] = (this.position < HEAD.length) ? HEAD[(int) this.position] : (byte) 'b';
				this.position++;
			}
			return n;
		}

	}

}
