package dev.storekeeper.platform.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Encrypts at rest (AES-256-GCM) a stored first response that carries a secret, so that
 * its idempotent replay can be the same bytes without the secret lying in the database in
 * clear. The key is kept like the token pepper: {@code STOREKEEPER_IDEMPOTENCY_KEY} when
 * set, otherwise one generated once and kept in the database so every node agrees. Each
 * ciphertext is bound to its account, mode and key (the GCM associated data), so it
 * cannot be replayed under another.
 */
@Component
class SealedResponses {

	private static final String FIND = "select setting from settings where name = 'idempotency_key'";

	private static final String INSERT = "insert into settings (name, setting) values ('idempotency_key', :value)";

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final String configured;

	private volatile SecretKeySpec key;

	SealedResponses(JdbcClient jdbc, @Value("${storekeeper.idempotency-key:}") String configured) {
		this.jdbc = jdbc;
		this.configured = configured;
	}

	/**
	 * {@code body} encrypted for the row of {@code context}, as text for the database.
	 */
	String seal(String context, String body) {
		try {
			byte[] iv = new byte[IV_BYTES];
			RANDOM.nextBytes(iv);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, iv));
			cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = cipher.doFinal(body.getBytes(StandardCharsets.UTF_8));
			byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
			return Base64.getEncoder().encodeToString(out);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is unavailable", ex);
		}
	}

	/** The body {@link #seal} encrypted for the same {@code context}. */
	String open(String context, String sealed) {
		try {
			byte[] bytes = Base64.getDecoder().decode(sealed);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
			cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
			return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("A stored response cannot be decrypted (was the key changed?)", ex);
		}
	}

	private SecretKeySpec key() throws GeneralSecurityException {
		SecretKeySpec current = this.key;
		if (current == null) {
			byte[] secret = MessageDigest.getInstance("SHA-256").digest(load().getBytes(StandardCharsets.UTF_8));
			current = new SecretKeySpec(secret, "AES");
			this.key = current;
		}
		return current;
	}

	private String load() {
		if (!this.configured.isBlank()) {
			return this.configured;
		}
		String stored = this.jdbc.sql(FIND).query(String.class).optional().orElse(null);
		if (stored == null) {
			try {
				this.jdbc.sql(INSERT).param("value", Ids.random(48)).update();
			}
			catch (DuplicateKeyException ex) {
				// another node generated it first; read theirs
			}
			stored = this.jdbc.sql(FIND).query(String.class).single();
		}
		return stored;
	}

}
