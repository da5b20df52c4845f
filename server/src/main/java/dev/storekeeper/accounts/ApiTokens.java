package dev.storekeeper.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.storekeeper.platform.web.Access;
import dev.storekeeper.platform.web.Authenticator;
import dev.storekeeper.platform.web.Caller;
import dev.storekeeper.platform.web.Errors;
import dev.storekeeper.platform.web.Ids;
import dev.storekeeper.platform.web.NotFound;
import dev.storekeeper.platform.web.Page;
import dev.storekeeper.platform.web.PageQuery;
import dev.storekeeper.platform.jdbc.Invalidations;
import dev.storekeeper.platform.jdbc.ReadCache;
import dev.storekeeper.platform.Times;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens: issued once with their secret, then known only by an HMAC of it. A request
 * looks its token's hash up in the database, or in a small in-memory cache of the callers
 * found in the last {@code storekeeper.cache-ttl} (1 s): deleting a token removes it from
 * this node's cache at once, so it is refused at once here, and as soon as the other
 * nodes hear of it (within that time at worst).
 */
@Service
public class ApiTokens implements Authenticator, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ApiTokens.class);

	private static final Duration USE_RESOLUTION = Duration.ofMinutes(1);

	private final ApiTokenRepository tokens;

	private final Accounts accounts;

	private final TokenHasher hasher;

	private final Clock clock;

	private final Map<Long, Instant> lastRecordedUse = new ConcurrentHashMap<>();

	/** The callers found by token hash; a revocation on this node forgets them all. */
	private final ReadCache cache;

	private final ThreadLocal<Future<?>> pendingUse = new ThreadLocal<>();

	private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

	ApiTokens(ApiTokenRepository tokens, Accounts accounts, TokenHasher hasher, Clock clock,
			Invalidations invalidations, @Value("${storekeeper.cache-ttl:1s}") Duration cacheTtl) {
		this.cache = invalidations.share("tokens", new ReadCache(cacheTtl));
		this.tokens = tokens;
		this.accounts = accounts;
		this.hasher = hasher;
		this.clock = clock;
	}

	@Override
	public Optional<Caller> authenticate(String token) {
		if (!TokenFormat.isWellFormed(token)) {
			return Optional.empty();
		}
		String hash = this.hasher.hash(token);
		long generation = this.cache.generation();
		if (this.cache.get(hash, generation) instanceof Caller cached) {
			recordUse(cached.tokenId());
			return Optional.of(cached);
		}
		// cached only when read: a hit must not make the entry young again, or a token
		// in use would never be read again
		Optional<Caller> caller = this.tokens.callerFor(hash);
		caller.ifPresent((found) -> {
			this.cache.put(hash, found, generation);
			recordUse(found.tokenId());
		});
		return caller;
	}

	/**
	 * Issues a new token for the account in one mode; its secret is in the result and
	 * nowhere else.
	 */
	@Transactional
	public ApiToken.Issued issue(long accountId, boolean livemode, @Nullable String name, @Nullable Access access) {
		Errors errors = new Errors();
		if (name == null || name.isBlank()) {
			errors.add("name", "can't be blank");
		}
		else if (name.trim().length() > 100) {
			errors.add("name", "is too long (maximum is 100 characters)");
		}
		errors.throwIfAny();
		this.accounts.get(accountId);
		String secret = TokenFormat.generate(livemode);
		long id = this.tokens.insert(Ids.next("tok"), accountId, livemode, name.trim(),
				(access != null) ? access : Access.FULL, this.hasher.hash(secret),
				secret.substring(secret.length() - 4), Times.now(this.clock));
		return new ApiToken.Issued(this.tokens.get(id), secret);
	}

	/** The caller's tokens in its mode, newest first. */
	public Page<ApiToken> list(Caller caller, PageQuery page) {
		long count = this.tokens.count(caller.accountId(), caller.livemode());
		return Page.of(this.tokens.page(caller.accountId(), caller.livemode(), page), page, count);
	}

	/** One of the caller's tokens. */
	public ApiToken get(Caller caller, String prefixId) {
		return this.tokens.find(caller.accountId(), caller.livemode(), prefixId)
			.orElseThrow(() -> new NotFound("API token"));
	}

	/** Revokes a token at once. */
	@Transactional
	public void revoke(Caller caller, String prefixId) {
		ApiToken token = get(caller, prefixId);
		// forgets every cached caller now and again once the delete is visible to lookups
		this.cache.changing();
		this.tokens.delete(token.id());
		this.lastRecordedUse.remove(token.id());
	}

	/**
	 * Notes that a token was used, at most once a minute per token, alongside the request
	 * (which {@link #finish} waits for before its response completes).
	 */
	private void recordUse(long tokenId) {
		Instant now = Times.now(this.clock);
		Instant last = this.lastRecordedUse.get(tokenId);
		if (last != null && last.plus(USE_RESOLUTION).isAfter(now)) {
			return;
		}
		if (last == null ? this.lastRecordedUse.putIfAbsent(tokenId, now) != null
				: !this.lastRecordedUse.replace(tokenId, last, now)) {
			return;
		}
		this.pendingUse.set(this.background.submit(() -> {
			try {
				this.tokens.touch(tokenId, now);
			}
			catch (RuntimeException ex) {
				log.warn("Could not record the use of API token {}: {}", tokenId, ex.getMessage());
			}
		}));
	}

	/**
	 * Waits for the use this request recorded alongside it, if any, so that no statement
	 * of a request runs after its response.
	 */
	@Override
	public void finish() {
		Future<?> pending = this.pendingUse.get();
		if (pending != null) {
			this.pendingUse.remove();
			try {
				pending.get();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (ExecutionException ex) {
				// logged by the task
			}
		}
	}

	@Override
	public void destroy() {
		this.background.close();
	}

}
