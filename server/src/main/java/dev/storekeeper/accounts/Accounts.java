package dev.storekeeper.accounts;

import java.time.Clock;
import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.platform.web.Errors;
import dev.storekeeper.platform.web.Fields;
import dev.storekeeper.platform.web.Ids;
import dev.storekeeper.platform.web.NotFound;
import dev.storekeeper.platform.web.RatePlan;
import dev.storekeeper.platform.jdbc.Invalidations;
import dev.storekeeper.platform.jdbc.ReadCache;
import dev.storekeeper.platform.Times;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seller accounts: created by the operator, read and edited by their tokens. Every
 * product and order read shows its seller, so accounts read by id are kept in memory for
 * {@code storekeeper.cache-ttl} (1 s): a change is seen at once on the node that made it
 * (and in its own transaction), and on the others as soon as they hear of it (within that
 * time at worst).
 */
@Service
public class Accounts {

	/** The subdomain of the account made on first start. */
	public static final String DEFAULT_SUBDOMAIN = "store";

	/** The subdomain no account may take: the public pages' test-mode previews use it. */
	static final String RESERVED_SUBDOMAIN = "test";

	static final Pattern SUBDOMAIN = Pattern.compile("[a-z0-9](?:[a-z0-9-]{1,61}[a-z0-9])");

	static final Pattern BRAND_COLOR = Pattern.compile("#[0-9a-fA-F]{6}");

	static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private final AccountRepository accounts;

	private final Clock clock;

	/** Accounts read by id; any account change on this node forgets them all. */
	private final ReadCache cache;

	Accounts(AccountRepository accounts, Clock clock, Invalidations invalidations,
			@Value("${storekeeper.cache-ttl:1s}") Duration cacheTtl) {
		this.cache = invalidations.share("accounts", new ReadCache(cacheTtl));
		this.accounts = accounts;
		this.clock = clock;
	}

	/** The account, which must exist. */
	public Account get(long id) {
		long generation = this.cache.generation();
		Account account = (Account) this.cache.get(id, generation);
		if (account == null) {
			account = this.accounts.find(id).orElseThrow(() -> new NotFound("Account"));
			this.cache.put(id, account, generation);
		}
		return account;
	}

	/** The account with {@code subdomain}. */
	public Account bySubdomain(String subdomain) {
		return this.accounts.findBySubdomain(subdomain).orElseThrow(() -> new NotFound("Account"));
	}

	/**
	 * The first account, made on first start, which the jar's commands use when none is
	 * named.
	 */
	@Transactional
	public Account ensureDefault() {
		return this.accounts.first().orElseGet(() -> {
			try {
				return create("My Store", DEFAULT_SUBDOMAIN, null);
			}
			catch (DuplicateKeyException ex) {
				return this.accounts.first().orElseThrow();
			}
		});
	}

	/** A new account; the subdomain must be free and well-formed. */
	@Transactional
	public Account create(String name, String subdomain, @Nullable RatePlan plan) {
		Errors errors = new Errors();
		checkName(name, errors);
		if (!SUBDOMAIN.matcher(subdomain).matches()) {
			errors.add("subdomain",
					"must be 3 to 63 lower-case letters, digits or hyphens, not starting or ending with a hyphen");
		}
		else if (RESERVED_SUBDOMAIN.equals(subdomain)) {
			errors.add("subdomain", "is reserved: test-mode previews live under /p/test/ and /blog/test/");
		}
		else if (this.accounts.findBySubdomain(subdomain).isPresent()) {
			errors.add("subdomain", "has already been taken");
		}
		errors.throwIfAny();
		Instant now = Times.now(this.clock);
		try {
			long id = this.accounts.insert(Ids.next("acct"), name.trim(), subdomain, plan, now);
			return get(id);
		}
		catch (DuplicateKeyException ex) {
			throw Errors.of("subdomain", "has already been taken");
		}
	}

	/**
	 * Applies a {@code PATCH}: {@code name}, {@code availableSupportEmail},
	 * {@code linkInBioPage}, {@code socialLinks} (which replace the list), and the look
	 * of the public pages: {@code brandColor} ({@code #rrggbb}) and {@code avatarUrl} (an
	 * https URL).
	 */
	@Transactional
	public Account update(long id, Fields fields) {
		this.cache.changing();
		Account current = get(id);
		Errors errors = fields.errors();
		String name = fields.has("name") ? fields.string("name") : current.name();
		if (!errors.has("name")) {
			checkName(name, errors);
		}
		String email = fields.has("availableSupportEmail") ? fields.string("availableSupportEmail")
				: current.availableSupportEmail();
		if (email != null && !email.isBlank() && !EMAIL.matcher(email).matches()) {
			errors.add("availableSupportEmail", "is invalid");
		}
		String bioTitle = (current.linkInBioPage() != null) ? current.linkInBioPage().title() : null;
		String bioDescription = (current.linkInBioPage() != null) ? current.linkInBioPage().description() : null;
		if (fields.has("linkInBioPage")) {
			Fields bio = fields.object("linkInBioPage");
			bioTitle = (bio != null) ? bio.string("title") : null;
			bioDescription = (bio != null) ? bio.string("description") : null;
			if (bioTitle != null && bioTitle.length() > 200) {
				errors.add("linkInBioPage.title", "is too long (maximum is 200 characters)");
			}
			if (bioDescription != null && bioDescription.length() > 1000) {
				errors.add("linkInBioPage.description", "is too long (maximum is 1000 characters)");
			}
		}
		String brandColor = fields.has("brandColor") ? blankToNull(fields.string("brandColor")) : current.brandColor();
		if (brandColor != null && !BRAND_COLOR.matcher(brandColor).matches()) {
			errors.add("brandColor", "must be a colour such as #1a7f37");
		}
		String avatarUrl = fields.has("avatarUrl") ? blankToNull(fields.string("avatarUrl")) : current.avatarUrl();
		if (avatarUrl != null && (!avatarUrl.matches("https://\\S+") || avatarUrl.length() > 2000)) {
			errors.add("avatarUrl", "must be an https URL");
		}
		List<Account.SocialLink> links = null;
		if (fields.has("socialLinks")) {
			links = socialLinks(fields, errors);
		}
		errors.throwIfAny();
		this.accounts.update(id, name.trim(), (email == null || email.isBlank()) ? null : email.trim(), bioTitle,
				bioDescription, (brandColor != null) ? brandColor.toLowerCase(java.util.Locale.ROOT) : null, avatarUrl,
				Times.now(this.clock));
		if (links != null) {
			this.accounts.replaceLinks(id, links);
		}
		return get(id);
	}

	private static List<Account.SocialLink> socialLinks(Fields fields, Errors errors) {
		List<Fields> items = fields.objects("socialLinks");
		List<Account.SocialLink> links = new ArrayList<>();
		if (items == null) {
			return links;
		}
		int index = 0;
		for (Fields item : items) {
			String linkName = item.string("name");
			String url = item.string("url");
			if (linkName == null || linkName.isBlank()) {
				item.errors().add(item.key("name"), "can't be blank");
			}
			if (url == null || !url.matches("https?://\\S+") || url.length() > 2000) {
				item.errors().add(item.key("url"), "is invalid");
			}
			Long position = item.integer("position");
			Boolean active = item.bool("active");
			links.add(new Account.SocialLink(0, (linkName != null) ? linkName : "", (url != null) ? url : "",
					item.string("platform"), (position != null) ? position.intValue() : index,
					(active != null) ? active : true));
			index++;
		}
		return links;
	}

	private static void checkName(@Nullable String name, Errors errors) {
		if (name == null || name.isBlank()) {
			errors.add("name", "can't be blank");
		}
		else if (name.trim().length() > 100) {
			errors.add("name", "is too long (maximum is 100 characters)");
		}
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
