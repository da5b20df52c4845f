package dev.storekeeper.catalog;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.accounts.AccountJson;
import dev.storekeeper.platform.web.WireSchema;

/**
 * A product on the wire, as the reference's {@code Product}: what {@code GET
 * /v1/products/{id}} returns, and what an order line embeds as its {@code product}.
 *
 * @param priceVariants the variants that are not archived, by position
 * @param productType (ext) the product's type, Sellvy's {@code type}
 * @param categoryId (ext) the prefixId of its category, or null
 */
@WireSchema("Product")
public record ProductJson(long id, String prefixId, String name, String slug, String status,
		@Nullable String description, @Nullable String bodyHtml, String buttonCta, AccountJson sellerAccount,
		List<MediaItemJson> mediaItems, List<ReviewJson> reviews, Seo seo, List<PriceVariantJson> priceVariants,
		String url, boolean hasMedia, String productType, @Nullable String categoryId, boolean livemode,
		Instant createdAt, Instant updatedAt) {

	/** The same product with {@code seller} as its seller account. */
	ProductJson withSeller(@Nullable AccountJson seller) {
		if (seller == null || seller.equals(this.sellerAccount)) {
			return this;
		}
		return new ProductJson(this.id, this.prefixId, this.name, this.slug, this.status, this.description,
				this.bodyHtml, this.buttonCta, seller, this.mediaItems, this.reviews, this.seo, this.priceVariants,
				this.url, this.hasMedia, this.productType, this.categoryId, this.livemode, this.createdAt,
				this.updatedAt);
	}

	/** The product's search-engine settings. */
	@WireSchema("Seo")
	public record Seo(@Nullable String title, @Nullable String description, @Nullable String keywords) {
	}

	/** A picture or video on the product's page, linked by URL or embedded. */
	@WireSchema("MediaItem")
	public record MediaItemJson(long id, String sourceType, @Nullable String url, @Nullable String provider,
			Instant createdAt, Instant updatedAt, @Nullable Object file, String contentType,
			@Nullable String embedHtml) {

		static MediaItemJson of(MediaItem item) {
			return new MediaItemJson(item.id(), item.sourceType(), item.url(), item.provider(), item.createdAt(),
					item.updatedAt(), null, item.contentType(), item.embedHtml());
		}

	}

}
