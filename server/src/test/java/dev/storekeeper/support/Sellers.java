package dev.storekeeper.support;

import java.util.concurrent.atomic.AtomicInteger;

import dev.storekeeper.accounts.Account;
import dev.storekeeper.accounts.Accounts;
import dev.storekeeper.accounts.ApiTokens;
import dev.storekeeper.platform.web.Access;
import dev.storekeeper.platform.web.Ids;
import dev.storekeeper.platform.web.RatePlan;

/** Makes fresh seller accounts with tokens, so each test has data no other test sees. */
public class Sellers {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private final Accounts accounts;

	private final ApiTokens tokens;

	Sellers(Accounts accounts, ApiTokens tokens) {
		this.accounts = accounts;
		this.tokens = tokens;
	}

	/** A new seller on the server's default rate limits. */
	public Seller create() {
		return create(null);
	}

	/** A new seller on a rate-limit plan. */
	public Seller create(RatePlan plan) {
		String subdomain = "t" + Ids.random(10).toLowerCase(java.util.Locale.ROOT) + SEQUENCE.incrementAndGet();
		Account account = this.accounts.create("Seller " + subdomain, subdomain, plan);
		return new Seller(account, this.tokens);
	}

	/** A seller account and a way to mint its tokens. */
	public record Seller(Account account, ApiTokens tokens) {

		/** A new live-mode token with full access. */
		public String live() {
			return token(true, Access.FULL);
		}

		/** A new test-mode token with full access. */
		public String test() {
			return token(false, Access.FULL);
		}

		/** A new token of the given mode and access. */
		public String token(boolean livemode, Access access) {
			return this.tokens.issue(this.account.id(), livemode, "test token", access).secret();
		}

	}

}
