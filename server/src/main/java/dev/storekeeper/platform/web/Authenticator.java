package dev.storekeeper.platform.web;

import java.util.Optional;

/**
 * Turns a bearer token into the caller it acts for; implemented by the module that owns
 * API tokens.
 */
public interface Authenticator {

	/**
	 * The caller for {@code token}, or empty when it is malformed, unknown or revoked.
	 */
	Optional<Caller> authenticate(String token);

	/**
	 * Called on the request's thread once the request has been handled, before its
	 * response completes, to finish what {@link #authenticate} started alongside it.
	 */
	default void finish() {
	}

}
