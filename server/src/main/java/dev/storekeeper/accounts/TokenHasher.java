package dev.storekeeper.accounts;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.storekeeper.platform.jdbc.Settings;
import org.jspecify.annotations.Nullable;
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

	/**
	 * A MAC initialised with the pepper, cloned for each hash: looking the algorithm up
	 * and initialising a key for every request cost about 4 % of a cached product read.
	 */
	private volatile @Nullable Mac prototype;

	String hash(String token) {
		try {
			return HexFormat.of().formatHex(mac().doFinal(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is unavailable", ex);
		}
	}

	private Mac mac() throws GeneralSecurityException {
		Mac current = this.prototype;
		if (current == null) {
			current = Mac.getInstance("HmacSHA256");
			current.init(new SecretKeySpec(pepper(), "HmacSHA256"));
			this.prototype = current;
		}
		try {
			return (Mac) current.clone();
		}
		catch (CloneNotSupportedException ex) {
			Mac fresh = Mac.getInstance("HmacSHA256");
			fresh.init(new SecretKeySpec(pepper(), "HmacSHA256"));
			return fresh;
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
