package dev.storekeeper.accounts;

import java.net.URI;
import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import dev.storekeeper.platform.web.Deleted;
import dev.storekeeper.platform.web.Access;
import dev.storekeeper.platform.web.Caller;
import dev.storekeeper.platform.web.Fields;
import dev.storekeeper.platform.web.Idempotency;
import dev.storekeeper.platform.web.JsonBody;
import dev.storekeeper.platform.web.Page;
import dev.storekeeper.platform.web.PageQuery;
import dev.storekeeper.platform.web.RequiresAccess;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v1/api_tokens}: the caller's tokens in its mode; full access only. */
@RestController
@RequiresAccess(Access.FULL)
@RequestMapping(path = "/v1/api_tokens", produces = "application/json")
class ApiTokenController {

	private final ApiTokens tokens;

	ApiTokenController(ApiTokens tokens) {
		this.tokens = tokens;
	}

	@GetMapping
	Page<TokenJson> list(Caller caller, PageQuery page) {
		return this.tokens.list(caller, page).map((token) -> TokenJson.of(token, null));
	}

	@GetMapping("/{id}")
	TokenJson get(Caller caller, @PathVariable String id) {
		return TokenJson.of(this.tokens.get(caller, id), null);
	}

	@PostMapping
	ResponseEntity<TokenJson> create(Caller caller, JsonBody body, HttpServletRequest request) {
		Fields fields = body.unwrap("apiToken");
		String name = fields.string("name");
		String accessName = fields.string("access");
		Access access = (accessName != null) ? Access.parse(accessName) : null;
		if (accessName != null && access == null) {
			fields.errors().add("access", "is not included in the list");
		}
		fields.errors().throwIfAny();
		ApiToken.Issued issued = this.tokens.issue(caller.accountId(), caller.livemode(), name, access);
		Idempotency.redact(request, issued.secret());
		return ResponseEntity.created(URI.create("/v1/api_tokens/" + issued.token().prefixId()))
			.body(TokenJson.of(issued.token(), issued.secret()));
	}

	@DeleteMapping("/{id}")
	Deleted delete(Caller caller, @PathVariable String id) {
		Object before = get(caller, id);
		this.tokens.revoke(caller, id);
		return Deleted.of("api_token", before);
	}

	/**
	 * A token on the wire; {@code token} holds the secret only in the response that
	 * created it.
	 */
	record TokenJson(long id, String prefixId, String name, String access, boolean livemode, String redacted,
			@Nullable String token, Instant createdAt, @Nullable Instant lastUsedAt) {

		static TokenJson of(ApiToken token, @Nullable String secret) {
			return new TokenJson(token.id(), token.prefixId(), token.name(), token.access().wire(), token.livemode(),
					token.redacted(), secret, token.createdAt(), token.lastUsedAt());
		}

	}

}
