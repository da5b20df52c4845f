package dev.storekeeper.accounts;

import dev.storekeeper.platform.web.Access;
import dev.storekeeper.platform.web.Caller;
import dev.storekeeper.platform.web.JsonBody;
import dev.storekeeper.platform.web.RequiresAccess;
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

}
