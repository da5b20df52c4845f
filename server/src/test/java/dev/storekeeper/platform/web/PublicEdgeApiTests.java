package dev.storekeeper.platform.web;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import dev.storekeeper.support.ApiTest;
import dev.storekeeper.support.Http.Response;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The public edge of a hardened deployment: {@code TRUSTED_PROXIES} names the one proxy
 * (127.0.0.2) whose {@code X-Forwarded-For} is believed, the public pages allow three
 * requests a client, and {@code METRICS_TOKEN} keeps the metrics private.
 */
@TestPropertySource(properties = { "storekeeper.trusted-proxies=127.0.0.2, 10.0.0.0/8",
		"storekeeper.metrics-token=metrics-secret-1", "storekeeper.rate-limit.per-minute=3",
		"storekeeper.rate-limit.burst=3" })
class PublicEdgeApiTests extends ApiTest {

	private int get(String from, String path, String forwardedFor) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(30));
		if (forwardedFor != null) {
			request.header("X-Forwarded-For", forwardedFor);
		}
		try (HttpClient client = HttpClient.newBuilder().localAddress(InetAddress.getByName(from)).build()) {
			return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
		}
	}

	@Test
	void forwardedForIsBelievedOnlyFromATrustedProxy() throws Exception {
		String page = "/blog/no-such-blog-here/";
		// behind the trusted proxy, each buyer has a bucket of their own
		for (int i = 0; i < 3; i++) {
			assertThat(get("127.0.0.2", page, "203.0.113.7")).isEqualTo(404);
		}
		assertThat(get("127.0.0.2", page, "203.0.113.7")).isEqualTo(429);
		assertThat(get("127.0.0.2", page, "203.0.113.8")).isEqualTo(404);
		// a spoofed hop before the proxy's own entry changes nothing
		assertThat(get("127.0.0.2", page, "198.51.100.1, 203.0.113.7")).isEqualTo(429);

		// anyone else is the client itself, whatever it claims
		for (int i = 0; i < 3; i++) {
			assertThat(get("127.0.0.3", page, "192.0.2." + i)).isEqualTo(404);
		}
		assertThat(get("127.0.0.3", page, "192.0.2.99")).isEqualTo(429);
	}

	@Test
	void metricsAnswerOnlyToTheMetricsToken() {
		Response anonymous = this.http.get("/metrics");
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.at("/error/type")).isEqualTo("unauthorized");
		assertThat(this.http.header("Authorization", "Bearer wrong").get("/metrics").status()).isEqualTo(401);
		String apiToken = this.sellers.create().test();
		assertThat(this.http.as(apiToken).get("/metrics").status()).isEqualTo(401);
		Response allowed = this.http.header("Authorization", "Bearer metrics-secret-1").get("/metrics");
		assertThat(allowed.status()).isEqualTo(200);
		assertThat(allowed.body()).contains("jvm_memory_used_bytes");
		assertThat(this.http.get("/health").status()).isEqualTo(200);
	}

	@Test
	void theClientAddressComesFromTheRightmostUntrustedHop() {
		TrustedProxies proxies = TrustedProxies.parse("10.0.0.0/8, 192.168.1.7, fd00::/8");
		assertThat(proxies.clientAddress(request("203.0.113.1", "1.2.3.4"))).isEqualTo("203.0.113.1");
		assertThat(proxies.clientAddress(request("10.1.2.3", "1.2.3.4, 5.6.7.8"))).isEqualTo("5.6.7.8");
		assertThat(proxies.clientAddress(request("10.1.2.3", "1.2.3.4, 5.6.7.8, 192.168.1.7"))).isEqualTo("5.6.7.8");
		assertThat(proxies.clientAddress(request("fd00::1", "2001:db8::5"))).isEqualTo("2001:db8::5");
		assertThat(proxies.clientAddress(request("10.1.2.3", "not-an-address"))).isEqualTo("10.1.2.3");
		assertThat(proxies.clientAddress(request("10.1.2.3", null))).isEqualTo("10.1.2.3");
		assertThat(TrustedProxies.none().clientAddress(request("10.1.2.3", "1.2.3.4"))).isEqualTo("10.1.2.3");
		assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> TrustedProxies.parse("proxy.example.com"))
			.isInstanceOf(IllegalArgumentException.class);
		// every address of one IPv6 /64 shares a bucket
		assertThat(RateLimiting.clientKey("2001:db8:1:2::1")).isEqualTo(RateLimiting.clientKey("2001:db8:1:2:ffff::9"))
			.isNotEqualTo(RateLimiting.clientKey("2001:db8:1:3::1"));
	}

	@Test
	void theInMemoryLimiterForgetsIdleClientsAndStaysBounded() {
		MutableClock clock = new MutableClock();
		RateLimiter.InMemory limiter = new RateLimiter.InMemory(clock, 1_000);
		for (int i = 0; i < 900; i++) {
			limiter.tryConsume("ip:198.51.100." + i, 60, 10);
		}
		assertThat(limiter.size()).isEqualTo(900);
		clock.advance(RateLimiter.InMemory.IDLE.plusSeconds(11));
		limiter.tryConsume("ip:203.0.113.1", 60, 10);
		assertThat(limiter.size()).isEqualTo(1);
		for (int i = 0; i < 5_000; i++) {
			limiter.tryConsume("ip:new-" + i, 60, 10);
		}
		assertThat(limiter.size()).isLessThanOrEqualTo(1_000);
	}

	private static MockHttpServletRequest request(String peer, String forwardedFor) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/p/x/y");
		request.setRemoteAddr(peer);
		if (forwardedFor != null) {
			request.addHeader("X-Forwarded-For", forwardedFor);
		}
		return request;
	}

	private static final class MutableClock extends Clock {

		private Instant now = Instant.parse("2026-01-01T00:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
