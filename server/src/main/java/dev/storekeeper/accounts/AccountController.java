package dev.storekeeper.accounts;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.platform.Access;
import dev.storekeeper.platform.Caller;
import dev.storekeeper.platform.JsonBody;
import dev.storekeeper.platform.RequiresAccess;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v1/account}: the caller's own seller account. */
@RestController
@RequestMapping(path = "/v1/account", produces = "application/json")
class AccountController {

	private final Accounts accounts;

	AccountController(Accounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping
	AccountJson get(Caller caller) {
		return AccountJson.of(this.accounts.get(caller.accountId()));
	}

	@RequiresAccess(Access.FULL)
	@PatchMapping
	AccountJson update(Caller caller, JsonBody body) {
		return AccountJson.of(this.accounts.update(caller.accountId(), body.unwrap("account")));
	}

	@RequiresAccess(Access.FULL)
	@PutMapping
	AccountJson replace(Caller caller, JsonBody body) {
		return update(caller, body);
	}

	/**
	 * The account on the wire, as the reference's {@code Account} (also used as
	 * {@code sellerAccount}).
	 */
	record AccountJson(long id, String prefixId, String name, String subdomain, @Nullable Object avatar,
			Account.@Nullable LinkInBioPage linkInBioPage, List<Account.SocialLink> socialLinks,
			@Nullable String referralUrl, @Nullable String availableSupportEmail, Instant createdAt,
			Instant updatedAt) {

		static AccountJson of(Account account) {
			return new AccountJson(account.id(), account.prefixId(), account.name(), account.subdomain(), null,
					account.linkInBioPage(), account.socialLinks(), null, account.availableSupportEmail(),
					account.createdAt(), account.updatedAt());
		}

	}

}
