package dev.storekeeper.files;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.storekeeper.platform.jdbc.Settings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Signs download URLs: base64url(HMAC-SHA256(key, prefixId + "." + expires)) under
 * {@code STOREKEEPER_FILE_URL_KEY} when set, otherwise a key generated once and kept in
 * the database beside the token pepper, so every node agrees.
 */
@Component
class UrlSigner {

	private final JdbcClient jdbc;

	private final String configured;

	private volatile byte[] key;

	UrlSigner(JdbcClient jdbc, @Value("${storekeeper.files.url-key:}") String configured) {
		this.jdbc = jdbc;
		this.configured = configured;
	}

	String sign(String prefixId, long expires) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key(), "HmacSHA256"));
			byte[] signature = mac.doFinal((prefixId + "." + expires).getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is unavailable", ex);
		}
	}

	/** Whether {@code signature} is the one of {@code prefixId} and {@code expires}. */
	boolean verify(String prefixId, long expires, String signature) {
		byte[] expected = sign(prefixId, expires).getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
	}

	private byte[] key() {
		byte[] current = this.key;
		if (current == null) {
			current = load();
			this.key = current;
		}
		return current;
	}

	private byte[] load() {
		if (!this.configured.isBlank()) {
			return this.configured.getBytes(StandardCharsets.UTF_8);
		}
		String stored = Settings.generated(this.jdbc, "file_url_key");
		return stored.getBytes(StandardCharsets.UTF_8);
	}

}
