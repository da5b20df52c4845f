package dev.storekeeper.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.platform.web.RatePlan;
import dev.storekeeper.platform.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Accounts and their social links in SQL. */
@Repository
class AccountRepository {

	private static final String COLUMNS = """
			id, prefix_id, name, subdomain, available_support_email, link_in_bio_title, link_in_bio_description,
			plan, created_at, updated_at, brand_color, avatar_url
			""";

	private static final String BY_ID = "select " + COLUMNS + " from accounts where id = :id";

	private static final String BY_SUBDOMAIN = "select " + COLUMNS + " from accounts where subdomain = :subdomain";

	private static final String FIRST = "select " + COLUMNS + " from accounts order by id limit 1";

	private static final String INSERT = """
			insert into accounts (prefix_id, name, subdomain, plan, created_at, updated_at)
			values (:prefixId, :name, :subdomain, :plan, :now, :now)
			""";

	private static final String UPDATE = """
			update accounts set name = :name, available_support_email = :email, link_in_bio_title = :bioTitle,
			  link_in_bio_description = :bioDescription, brand_color = :brandColor, avatar_url = :avatarUrl,
			  updated_at = :now
			where id = :id
			""";

	private static final String LINKS = """
			select id, name, url, platform, position, active from social_links
			where account_id = :accountId order by position, id
			""";

	private static final String DELETE_LINKS = "delete from social_links where account_id = :accountId";

	private static final String INSERT_LINK = """
			insert into social_links (account_id, name, url, platform, position, active)
			values (:accountId, :name, :url, :platform, :position, :active)
			""";

	private final JdbcClient jdbc;

	AccountRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Account> find(long id) {
		return this.jdbc.sql(BY_ID).param("id", id).query(this::row).optional().map(this::withLinks);
	}

	Optional<Account> findBySubdomain(String subdomain) {
		return this.jdbc.sql(BY_SUBDOMAIN)
			.param("subdomain", subdomain)
			.query(this::row)
			.optional()
			.map(this::withLinks);
	}

	Optional<Account> first() {
		return this.jdbc.sql(FIRST).query(this::row).optional().map(this::withLinks);
	}

	long insert(String prefixId, String name, String subdomain, @Nullable RatePlan plan, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql(INSERT)
			.param("prefixId", prefixId)
			.param("name", name)
			.param("subdomain", subdomain)
			.param("plan", (plan != null) ? plan.wire() : null)
			.param("now", Times.db(now))
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	void update(long id, String name, @Nullable String email, @Nullable String bioTitle,
			@Nullable String bioDescription, @Nullable String brandColor, @Nullable String avatarUrl, Instant now) {
		this.jdbc.sql(UPDATE)
			.param("brandColor", brandColor)
			.param("avatarUrl", avatarUrl)
			.param("id", id)
			.param("name", name)
			.param("email", email)
			.param("bioTitle", bioTitle)
			.param("bioDescription", bioDescription)
			.param("now", Times.db(now))
			.update();
	}

	void replaceLinks(long accountId, List<Account.SocialLink> links) {
		this.jdbc.sql(DELETE_LINKS).param("accountId", accountId).update();
		for (Account.SocialLink link : links) {
			this.jdbc.sql(INSERT_LINK)
				.param("accountId", accountId)
				.param("name", link.name())
				.param("url", link.url())
				.param("platform", link.platform())
				.param("position", link.position())
				.param("active", link.active())
				.update();
		}
	}

	private Account withLinks(Account account) {
		List<Account.SocialLink> links = new ArrayList<>(this.jdbc.sql(LINKS)
			.param("accountId", account.id())
			.query((rs, n) -> new Account.SocialLink(rs.getLong("id"), rs.getString("name"), rs.getString("url"),
					rs.getString("platform"), rs.getInt("position"), rs.getBoolean("active")))
			.list());
		return new Account(account.id(), account.prefixId(), account.name(), account.subdomain(),
				account.availableSupportEmail(), account.linkInBioPage(), List.copyOf(links), account.plan(),
				account.createdAt(), account.updatedAt(), account.brandColor(), account.avatarUrl());
	}

	private Account row(ResultSet rs, int n) throws SQLException {
		String bioTitle = rs.getString("link_in_bio_title");
		String bioDescription = rs.getString("link_in_bio_description");
		Account.LinkInBioPage bio = (bioTitle != null || bioDescription != null)
				? new Account.LinkInBioPage(rs.getLong("id"), bioTitle, bioDescription) : null;
		String plan = rs.getString("plan");
		return new Account(rs.getLong("id"), rs.getString("prefix_id"), rs.getString("name"), rs.getString("subdomain"),
				rs.getString("available_support_email"), bio, List.of(), (plan != null) ? RatePlan.parse(plan) : null,
				Times.read(rs, "created_at"), Times.read(rs, "updated_at"), rs.getString("brand_color"),
				rs.getString("avatar_url"));
	}

}
