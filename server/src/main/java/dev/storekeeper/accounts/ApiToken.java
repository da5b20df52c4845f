package dev.storekeeper.accounts;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.platform.web.Access;

/** An API token as stored: never its secret, only a hash and the last four characters. */
public record ApiToken(long id, String prefixId, long accountId, boolean livemode, String name, Access access,
		String lastFour, Instant createdAt, @Nullable Instant lastUsedAt) {

	/** The redacted form shown in lists, such as {@code sk_live_…Ab12}. */
	public String redacted() {
		return TokenFormat.redacted(this.livemode, this.lastFour);
	}

	/** A token just created, with its secret, which is shown this once. */
	public record Issued(ApiToken token, String secret) {
	}

}
