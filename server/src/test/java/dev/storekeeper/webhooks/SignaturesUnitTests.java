package dev.storekeeper.webhooks;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The six-case signature set, and signatures with many secrets in turn, checked by the
 * Standard Webhooks library itself.
 */
class SignaturesUnitTests {

	private static final String SECRET = "whsec_" + java.util.Base64.getEncoder()
		.encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));

	private static final String BODY = "{\"id\":\"whev_1\",\"type\":\"order.paid\",\"data\":{}}";

	private static Map<String, List<String>> headers(String id, long timestamp, String signature) {
		return Map.of("webhook-id", List.of(id), "webhook-timestamp", List.of(String.valueOf(timestamp)),
				"webhook-signature", List.of(signature));
	}

	private static long now() {
		return System.currentTimeMillis() / 1000;
	}

	@Test
	void aValidSignatureVerifies() {
		long ts = now();
		assertThatCode(() -> new Webhook(SECRET).verify(BODY,
				headers("whev_1", ts, Signatures.standard(SECRET, "whev_1", ts, BODY))))
			.doesNotThrowAnyException();
	}

	@Test
	void eachSecretSignsWithItsOwnKeyWhenSeveralAreUsedInTurn() {
		long ts = now();
		List<String> secrets = new java.util.ArrayList<>();
		for (int i = 0; i < 20; i++) {
			secrets.add("whsec_" + java.util.Base64.getEncoder()
				.encodeToString(("secret number " + i + " of twenty, 32+ bytes").getBytes(StandardCharsets.UTF_8)));
		}
		for (int round = 0; round < 3; round++) {
			for (String secret : secrets) {
				String id = "whev_" + round;
				String signature = Signatures.standard(secret, id, ts, BODY);
				assertThatCode(() -> new Webhook(secret).verify(BODY, headers(id, ts, signature)))
					.doesNotThrowAnyException();
				if (!secret.equals(SECRET)) {
					assertThatThrownBy(() -> new Webhook(SECRET).verify(BODY, headers(id, ts, signature)))
						.isInstanceOf(WebhookVerificationException.class);
				}
			}
		}
	}

	@Test
	void oneGoodSignatureAmongSeveralVerifies() {
		long ts = now();
		String both = "v1,bm90IHRoZSByaWdodCBvbmU= " + Signatures.standard(SECRET, "whev_1", ts, BODY);
		assertThatCode(() -> new Webhook(SECRET).verify(BODY, headers("whev_1", ts, both))).doesNotThrowAnyException();
	}

	@Test
	void aTamperedBodyFails() {
		long ts = now();
		String signature = Signatures.standard(SECRET, "whev_1", ts, BODY);
		assertThatThrownBy(
				() -> new Webhook(SECRET).verify(BODY.replace("paid", "refunded"), headers("whev_1", ts, signature)))
			.isInstanceOf(WebhookVerificationException.class);
	}

	@Test
	void aWrongSecretFails() {
		long ts = now();
		String other = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
		String signature = Signatures.standard(other, "whev_1", ts, BODY);
		assertThatThrownBy(() -> new Webhook(SECRET).verify(BODY, headers("whev_1", ts, signature)))
			.isInstanceOf(WebhookVerificationException.class);
	}

	@Test
	void anOldTimestampFails() {
		long old = now() - 3600;
		String signature = Signatures.standard(SECRET, "whev_1", old, BODY);
		assertThatThrownBy(() -> new Webhook(SECRET).verify(BODY, headers("whev_1", old, signature)))
			.isInstanceOf(WebhookVerificationException.class);
	}

	@Test
	void aMissingHeaderFails() {
		long ts = now();
		Map<String, List<String>> missing = Map.of("webhook-id", List.of("whev_1"), "webhook-timestamp",
				List.of(String.valueOf(ts)));
		assertThatThrownBy(() -> new Webhook(SECRET).verify(BODY, missing))
			.isInstanceOf(WebhookVerificationException.class);
	}

}
