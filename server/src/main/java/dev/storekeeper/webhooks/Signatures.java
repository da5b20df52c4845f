package dev.storekeeper.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signatures a delivery carries: for a Sellvy endpoint {@code X-Sellvy-Signature}
 * ({@link #sellvy}); for every endpoint Crevio's {@code X-Crevio-Hmac-SHA256} (HMAC of
 * the body under the secret string) and Standard Webhooks' {@code webhook-signature}
 * (HMAC of {@code id.timestamp.body} under the base64-decoded secret).
 */
final class Signatures {

	static final String PREFIX = "whsec_";

	private static final int KEYS = 1_000;

	private static final java.util.Map<String, Mac> PROTOTYPES = new java.util.concurrent.ConcurrentHashMap<>();

	private Signatures() {
	}

	static String crevio(String secret, String body) {
		return Base64.getEncoder().encodeToString(hmac(secret.getBytes(StandardCharsets.UTF_8), body));
	}

	static String standard(String secret, String id, long timestamp, String body) {
		byte[] key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
		return "v1," + Base64.getEncoder().encodeToString(hmac(key, id + "." + timestamp + "." + body));
	}

	/**
	 * Sellvy's {@code X-Sellvy-Signature}: lowercase hex of the HMAC-SHA256 of the raw
	 * body keyed with the secret string as shown ({@code whsec_} included), as the seed's
	 * {@code verify_webhook} computes it.
	 */
	static String sellvy(String secret, String body) {
		return java.util.HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), body));
	}

	private static byte[] hmac(byte[] key, String content) {
		try {
			return mac(key).doFinal(content.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is unavailable", ex);
		}
	}

	/**
	 * A MAC keyed with {@code key}: a clone of one initialised once per key, as looking
	 * the algorithm up and initialising it for every signature was half the cost of
	 * signing a delivery. At most {@link #KEYS} keys are kept (the endpoints' secrets,
	 * which their cached rows hold anyway).
	 */
	private static Mac mac(byte[] key) throws GeneralSecurityException {
		String id = Base64.getEncoder().encodeToString(key);
		Mac prototype = PROTOTYPES.get(id);
		if (prototype == null) {
			prototype = keyed(key);
			if (PROTOTYPES.size() >= KEYS) {
				PROTOTYPES.clear();
			}
			PROTOTYPES.put(id, prototype);
		}
		try {
			return (Mac) prototype.clone();
		}
		catch (CloneNotSupportedException ex) {
			return keyed(key);
		}
	}

	private static Mac keyed(byte[] key) throws GeneralSecurityException {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key, "HmacSHA256"));
		return mac;
	}

}
