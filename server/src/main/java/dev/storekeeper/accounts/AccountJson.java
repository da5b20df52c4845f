package dev.storekeeper.accounts;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.platform.web.WireSchema;

/**
 * The account on the wire, as the reference's {@code Account}: what
 * {@code GET /v1/account} returns and what other objects embed as {@code sellerAccount}.
 */
@WireSchema("Account")
public record AccountJson(long id, String prefixId, String name, String subdomain, @Nullable Avatar avatar,
		Account.@Nullable LinkInBioPage linkInBioPage, List<Account.SocialLink> socialLinks,
		@Nullable String referralUrl, @Nullable String availableSupportEmail, @Nullable String brandColor,
		Instant createdAt, Instant updatedAt) {

	/** The wire form of {@code account}. */
	public static AccountJson of(Account account) {
		return new AccountJson(account.id(), account.prefixId(), account.name(), account.subdomain(),
				(account.avatarUrl() != null) ? new Avatar(account.avatarUrl()) : null, account.linkInBioPage(),
				account.socialLinks(), null, account.availableSupportEmail(), account.brandColor(), account.createdAt(),
				account.updatedAt());
	}

	/** The seller's picture, as the reference's {@code ImageAttachment}: its address. */
	@WireSchema("ImageAttachment")
	public record Avatar(String src) {
	}

}
