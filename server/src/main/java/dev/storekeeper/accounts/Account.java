package dev.storekeeper.accounts;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.platform.web.RatePlan;
import dev.storekeeper.platform.web.WireSchema;

/**
 * A seller: the owner of a store's catalog, customers, orders and tokens, in both modes.
 */
public record Account(long id, String prefixId, String name, String subdomain, @Nullable String availableSupportEmail,
		@Nullable LinkInBioPage linkInBioPage, List<SocialLink> socialLinks, @Nullable RatePlan plan, Instant createdAt,
		Instant updatedAt, @Nullable String brandColor, @Nullable String avatarUrl) {

	/** The seller's link-in-bio page. */
	@WireSchema("LinkInBioPage")
	public record LinkInBioPage(long id, @Nullable String title, @Nullable String description) {
	}

	/** A link to the seller elsewhere. */
	@WireSchema("SocialLink")
	public record SocialLink(long id, String name, String url, @Nullable String platform, int position,
			boolean active) {
	}

}
