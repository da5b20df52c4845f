package dev.storekeeper.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.storekeeper.accounts.Account;
import dev.storekeeper.accounts.AccountJson;
import dev.storekeeper.accounts.Accounts;
import dev.storekeeper.platform.web.Ids;
import dev.storekeeper.platform.web.PublicUrl;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalog as the API shows it: products with their variants, media, reviews and
 * seller, read in a fixed number of statements, and the catalog cache in front of them.
 */
@Component
class CatalogViews {

	private final ProductRepository products;

	private final PriceVariantRepository variants;

	private final ReviewRepository reviews;

	private final Accounts accounts;

	private final PublicUrl publicUrl;

	private final CatalogCache cache;

	private final JsonMapper json;

	CatalogViews(ProductRepository products, PriceVariantRepository variants, ReviewRepository reviews,
			Accounts accounts, PublicUrl publicUrl, CatalogCache cache, JsonMapper json) {
		this.products = products;
		this.variants = variants;
		this.reviews = reviews;
		this.accounts = accounts;
		this.publicUrl = publicUrl;
		this.cache = cache;
		this.json = json;
	}

	/**
	 * What the catalog cache keeps: a kind of value, its account and mode, and its key.
	 */
	record CacheKey(String kind, long accountId, boolean livemode, Object key) {
	}

	/**
	 * The products as the API shows them, with their relations loaded in a fixed number
	 * of statements.
	 */
	List<ProductJson> toJson(long accountId, boolean livemode, List<Product> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		List<Long> ids = rows.stream().map(Product::id).toList();
		Account account = this.accounts.get(accountId);
		AccountJson seller = AccountJson.of(account);
		Map<Long, List<PriceVariant>> variantsByProduct = this.variants.liveByProducts(accountId, livemode, ids);
		Map<Long, List<MediaItem>> mediaByProduct = this.products.media(ids);
		Map<Long, List<Review>> reviewsByProduct = this.reviews.byProducts(accountId, livemode, ids);
		List<ProductJson> result = new ArrayList<>(rows.size());
		for (Product product : rows) {
			List<ProductJson.MediaItemJson> media = mediaByProduct.getOrDefault(product.id(), List.of())
				.stream()
				.map(ProductJson.MediaItemJson::of)
				.toList();
			result.add(new ProductJson(product.id(), product.prefixId(), product.name(), product.slug(),
					product.status(), product.description(), product.bodyHtml(), product.buttonCta(), seller, media,
					reviewsByProduct.getOrDefault(product.id(), List.of()).stream().map(ReviewJson::of).toList(),
					new ProductJson.Seo(product.seoTitle(), product.seoDescription(), product.seoKeywords()),
					variantsByProduct.getOrDefault(product.id(), List.of()).stream().map(PriceVariantJson::of).toList(),
					url(account.subdomain(), product.slug(), product.livemode()), !media.isEmpty(),
					product.productType(), product.categoryPrefixId(), product.livemode(), product.createdAt(),
					product.updatedAt()));
		}
		return result;
	}

	/**
	 * A product's public page: {@code /p/{subdomain}/{slug}} when live, and
	 * {@code /p/test/{subdomain}/{slug}} for its test-mode preview.
	 */
	String url(String subdomain, String slug, boolean livemode) {
		return this.publicUrl.of((livemode ? "/p/" : "/p/test/") + subdomain + "/" + slug);
	}

	/**
	 * The account's products among {@code productIds} as {@code GET} shows them, by id,
	 * in a fixed number of statements (for an order's line items).
	 */
	@Transactional(readOnly = true)
	Map<Long, ProductJson> productJson(long accountId, boolean livemode, Collection<Long> productIds) {
		Map<Long, ProductJson> cached = cachedById("product", accountId, livemode, productIds, (missing) -> {
			Map<Long, ProductJson> read = new HashMap<>();
			List<Product> rows = List.copyOf(this.products.byIds(accountId, livemode, missing).values());
			toJson(accountId, livemode, rows).forEach((json) -> read.put(json.id(), json));
			return read;
		});
		// the seller as it is now, since the account may have changed since the product
		// was cached
		AccountJson seller = cached.isEmpty() ? null : AccountJson.of(this.accounts.get(accountId));
		Map<Long, ProductJson> result = new LinkedHashMap<>();
		cached.forEach((id, json) -> result.put(id, json.withSeller(seller)));
		return result;
	}

	/**
	 * A product as {@code GET} shows it, rendered as JSON once per cached product and
	 * seller.
	 */
	private record Rendered(ProductJson shown, byte[] bytes) {
	}

	/**
	 * The JSON bytes of the account's product {@code id} as {@code GET} shows it, when
	 * the catalog cache holds the product and its rendering (null otherwise): no
	 * transaction, no statement (but the account's when the accounts' cache lacks it).
	 * The rendering is used only for the very product object the cache holds now, with
	 * the seller as it is now, so it is never older than the cached product.
	 */
	byte @Nullable [] cachedBytes(long accountId, boolean livemode, long id) {
		long generation = this.cache.generation();
		if (!(this.cache.get(new CacheKey("product", accountId, livemode, id),
				generation) instanceof ProductJson cached)) {
			return null;
		}
		ProductJson shown = cached.withSeller(AccountJson.of(this.accounts.get(accountId)));
		return (this.cache.get(new CacheKey("product-bytes", accountId, livemode, id),
				generation) instanceof Rendered rendered && rendered.shown() == shown) ? rendered.bytes() : null;
	}

	/**
	 * {@code shown} (as {@link #productJson} returned it) rendered as JSON, as Spring MVC
	 * would write it, and kept beside the cached product for {@link #cachedBytes}.
	 */
	byte[] render(long accountId, boolean livemode, ProductJson shown) {
		long generation = this.cache.generation();
		byte[] bytes = this.json.writeValueAsBytes(shown);
		this.cache.put(new CacheKey("product-bytes", accountId, livemode, shown.id()), new Rendered(shown, bytes),
				generation);
		return bytes;
	}

	/**
	 * The account's price variants among {@code variantIds}, archived ones included, as
	 * {@code GET} shows them, by id, in a fixed number of statements.
	 */
	@Transactional(readOnly = true)
	Map<Long, PriceVariantJson> variantJson(long accountId, boolean livemode, Collection<Long> variantIds) {
		return cachedById("variant", accountId, livemode, variantIds, (missing) -> {
			Map<Long, PriceVariantJson> read = new HashMap<>();
			this.variants.byIds(accountId, livemode, missing)
				.forEach((id, variant) -> read.put(id, PriceVariantJson.of(variant)));
			return read;
		});
	}

	/**
	 * Values of one {@code kind} by id, in the order of {@code ids}: from the catalog
	 * cache, and those it lacks read together by {@code read} (and cached). Ids that
	 * {@code read} does not find are absent.
	 */
	@SuppressWarnings("unchecked")
	private <V> Map<Long, V> cachedById(String kind, long accountId, boolean livemode, Collection<Long> ids,
			Function<List<Long>, Map<Long, V>> read) {
		long generation = this.cache.generation();
		Map<Long, V> found = new HashMap<>();
		List<Long> missing = new ArrayList<>();
		for (long id : ids) {
			V value = (V) this.cache.get(new CacheKey(kind, accountId, livemode, id), generation);
			if (value != null) {
				found.put(id, value);
			}
			else {
				missing.add(id);
			}
		}
		if (!missing.isEmpty()) {
			read.apply(missing).forEach((id, value) -> {
				found.put(id, value);
				this.cache.put(new CacheKey(kind, accountId, livemode, id), value, generation);
			});
		}
		Map<Long, V> result = new LinkedHashMap<>();
		for (long id : ids) {
			V value = found.get(id);
			if (value != null) {
				result.put(id, value);
			}
		}
		return result;
	}

}
