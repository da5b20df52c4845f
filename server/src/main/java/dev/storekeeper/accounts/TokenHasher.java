package dev.storekeeper.accounts;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.storekeeper.platform.Ids;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Stores tokens as HMAC-SHA256 under a server pepper: {@code STOREKEEPER_TOKEN_PEPPER}
 * when set, otherwise one generated once and kept in the database so every node agrees.
 */
@Component
class TokenHasher {

	private static final String FIND = "select setting from settings where name = 'token_pepper'";

	private static final String INSERT = "insert into settings (name, setting) values ('token_pepper', :value)";

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
		String stored = this.jdbc.sql(FIND).query(String.class).optional().orElse(null);
		if (stored == null) {
			try {
				this.jdbc.sql(INSERT).param("value", Ids.random(48)).update();
			}
			catch (DuplicateKeyException ex) {
				// another node or command generated it first; read theirs
			}
			stored = this.jdbc.sql(FIND).query(String.class).single();
		}
		return Base64.getEncoder().encode(stored.getBytes(StandardCharsets.UTF_8));
	}

}
