package dev.storekeeper.accounts;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On first start, makes the default seller account and the token pepper, so neither races
 * a request.
 */
@Component
class AccountsStartup implements ApplicationRunner {

	private final Accounts accounts;

	private final TokenHasher hasher;

	AccountsStartup(Accounts accounts, TokenHasher hasher) {
		this.accounts = accounts;
		this.hasher = hasher;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.accounts.ensureDefault();
		this.hasher.hash("warm-up");
	}

}
