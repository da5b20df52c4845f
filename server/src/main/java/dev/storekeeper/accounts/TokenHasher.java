package dev.storekeeper.accounts;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.storekeeper.platform.jdbc.Settings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Stores tokens as HMAC-SHA256 under a server pepper: {@code STOREKEEPER_TOKEN_PEPPER}
 * when set, otherwise one generated once and kept in the database so every node agrees.
 */
@Component
class TokenHasher {

	private final JdbcClient jdbc;

	private final String configured;

	private volatile byte[] pepper;

	TokenHasher(JdbcClient jdbc, @Value("${storekeeper.token-pepper:}") String configured) {
		this.jdbc = jdbc;
		this.configured = configured;
	}

	String hash(String token) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(pepper(), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is unavailable", ex);
		}
	}

	private byte[] pepper() {
		byte[] current = this.pepper;
		if (current == null) {
			current = load();
			this.pepper = current;
		}
		return current;
	}

	private byte[] load() {
		if (!this.configured.isBlank()) {
			return this.configured.getBytes(StandardCharsets.UTF_8);
		}
		String stored = Settings.generated(this.jdbc, "token_pepper");
		return Base64.getEncoder().encode(stored.getBytes(StandardCharsets.UTF_8));
	}

}
