package dev.storekeeper.catalog;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.accounts.Account;
import dev.storekeeper.accounts.Accounts;
import dev.storekeeper.platform.web.Caller;
import dev.storekeeper.platform.web.Errors;
import dev.storekeeper.platform.web.Fields;
import dev.storekeeper.platform.web.Ids;
import dev.storekeeper.platform.web.NotFound;
import dev.storekeeper.platform.web.Page;
import dev.storekeeper.platform.web.PageQuery;
import dev.storekeeper.platform.web.Ref;
import dev.storekeeper.platform.Slugs;
import dev.storekeeper.platform.Times;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Products: listed, created, changed and deleted by the seller (each change published as
 * an event), with their slugs and their public page.
 */
@Service
public class Products {

	static final String ACTIVE_NEEDS_VARIANT = "can't be active without a price variant that is not archived";

	private static final int MAX_SLUG_BASE = 80;

	private final ProductRepository productRows;

	private final PriceVariantRepository variants;

	private final Accounts accounts;

	private final CatalogViews views;

	private final CatalogCache cache;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final CategoryRepository categories;

	Products(ProductRepository productRows, PriceVariantRepository variants, Accounts accounts, CatalogViews views,
			CatalogCache cache, ApplicationEventPublisher events, Clock clock, CategoryRepository categories) {
		this.categories = categories;
		this.productRows = productRows;
		this.variants = variants;
		this.accounts = accounts;
		this.views = views;
		this.cache = cache;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * A page of the caller's products, newest first: {@code status} one of draft, active,
	 * archived or all; {@code query} searches the name.
	 */
	@Transactional(readOnly = true)
	public Page<ProductJson> list(Caller caller, String status, @Nullable String query, PageQuery page) {
		String search = (query != null) ? query.trim() : "";
		long count = this.productRows.count(caller.accountId(), caller.livemode(), status, search);
		List<Product> rows = this.productRows.page(caller.accountId(), caller.livemode(), status, search, page);
		return Page.of(this.views.toJson(caller.accountId(), caller.livemode(), rows), page, count);
	}

	/** The caller's product with this prefixId, integer id or slug. */
	@Transactional(readOnly = true)
	public ProductJson get(Caller caller, String key) {
		long generation = this.cache.generation();
		CatalogViews.CacheKey cacheKey = new CatalogViews.CacheKey("product-key", caller.accountId(), caller.livemode(),
				key);
		Long id = (Long) this.cache.get(cacheKey, generation);
		if (id == null) {
			id = findProduct(caller, key).id();
			this.cache.put(cacheKey, id, generation);
		}
		ProductJson json = this.views.productJson(caller.accountId(), caller.livemode(), List.of(id)).get(id);
		if (json == null) {
			throw new NotFound("Product");
		}
		return json;
	}

	/**
	 * The caller's product as {@code GET} shows it, as JSON bytes: straight from the
	 * catalog cache when it holds the product and its rendering (no transaction, no
	 * statement), otherwise read as {@link #get} does and rendered once.
	 */
	byte[] rendered(Caller caller, String key) {
		long generation = this.cache.generation();
		if (this.cache.get(new CatalogViews.CacheKey("product-key", caller.accountId(), caller.livemode(), key),
				generation) instanceof Long id) {
			byte[] bytes = this.views.cachedBytes(caller.accountId(), caller.livemode(), id);
			if (bytes != null) {
				return bytes;
			}
		}
		return this.views.render(caller.accountId(), caller.livemode(), get(caller, key));
	}

	/** Creates a product; records {@code product.created}. */
	@Transactional
	public ProductJson create(Caller caller, Fields fields) {
		this.cache.changing();
		ProductDraft draft = ProductDraft.fresh();
		draft.apply(fields);
		Errors errors = fields.errors();
		settleCategory(caller, draft, errors);
		if (Product.ACTIVE.equals(draft.status)) {
			errors.add("status", ACTIVE_NEEDS_VARIANT);
		}
		settleSlug(caller, draft, -1, errors);
		errors.throwIfAny();
		Instant now = Times.now(this.clock);
		long id;
		try {
			id = this.productRows.insert(Ids.next("prod"), caller.accountId(), caller.livemode(), draft, now);
		}
		catch (DuplicateKeyException ex) {
			throw Errors.of("slug", "has already been taken");
		}
		if (draft.media != null) {
			this.productRows.replaceMedia(id, draft.media, now);
		}
		ProductJson json = productJson(caller, id);
		this.events.publishEvent(new ProductCreated(caller.accountId(), caller.livemode(), json));
		return json;
	}

	/**
	 * Applies a {@code PATCH} to the caller's product; records {@code product.updated}.
	 */
	@Transactional
	public ProductJson update(Caller caller, String key, Fields fields) {
		this.cache.changing();
		Product current = findProduct(caller, key);
		ProductDraft draft = ProductDraft.of(current);
		draft.apply(fields);
		Errors errors = fields.errors();
		settleCategory(caller, draft, errors);
		if (Product.ACTIVE.equals(draft.status) && !errors.has("status")
				&& this.variants.otherLive(current.id(), -1) == 0) {
			errors.add("status", ACTIVE_NEEDS_VARIANT);
		}
		settleSlug(caller, draft, current.id(), errors);
		errors.throwIfAny();
		Instant now = Times.now(this.clock);
		try {
			this.productRows.update(current.id(), draft, now);
		}
		catch (DuplicateKeyException ex) {
			throw Errors.of("slug", "has already been taken");
		}
		if (draft.media != null) {
			this.productRows.replaceMedia(current.id(), draft.media, now);
		}
		ProductJson json = productJson(caller, current.id());
		this.events.publishEvent(new ProductUpdated(caller.accountId(), caller.livemode(), json));
		return json;
	}

	/**
	 * Deletes the caller's product with its variants and reviews, unless it has orders;
	 * records {@code product.deleted}.
	 */
	@Transactional
	public void delete(Caller caller, String key) {
		this.cache.changing();
		Product product = findProduct(caller, key);
		if (product.ordersCount() > 0) {
			throw Errors.of("base", "Product cannot be deleted once it has orders; archive it instead");
		}
		ProductJson json = productJson(caller, product.id());
		this.productRows.delete(product.id());
		this.events.publishEvent(new ProductDeleted(caller.accountId(), caller.livemode(), json));
	}

	Product findProduct(Caller caller, String key) {
		return this.productRows.find(caller.accountId(), caller.livemode(), key)
			.orElseThrow(() -> new NotFound("Product"));
	}

	private ProductJson productJson(Caller caller, long id) {
		Product product = this.productRows.byIds(caller.accountId(), caller.livemode(), List.of(id)).get(id);
		return this.views.toJson(caller.accountId(), caller.livemode(), List.of(product)).get(0);
	}

	private void settleCategory(Caller caller, ProductDraft draft, Errors errors) {
		if (!draft.categoryGiven) {
			return;
		}
		if (draft.categoryRef == null) {
			draft.categoryId = null;
			return;
		}
		Optional<Category> category = this.categories.find(caller.accountId(), caller.livemode(), draft.categoryRef);
		if (category.isEmpty()) {
			errors.add("categoryId", "must exist");
		}
		else {
			draft.categoryId = category.get().id();
		}
	}

	/**
	 * A page of the caller's products with the filters and order of the Sellvy dialect:
	 * every status listed unless {@code visible} says otherwise.
	 */
	@Transactional(readOnly = true)
	public Page<ProductJson> search(Caller caller, ProductQuery query, PageQuery page) {
		Long categoryId = null;
		if (query.categoryKey() != null) {
			Optional<Category> category = this.categories.find(caller.accountId(), caller.livemode(),
					query.categoryKey());
			if (category.isEmpty()) {
				return Page.of(List.of(), page, 0);
			}
			categoryId = category.get().id();
		}
		long count = this.productRows.searchCount(caller.accountId(), caller.livemode(), query, categoryId);
		List<Product> rows = this.productRows.search(caller.accountId(), caller.livemode(), query, categoryId, page);
		return Page.of(this.views.toJson(caller.accountId(), caller.livemode(), rows), page, count);
	}

	/**
	 * Makes the slug from the name when asked, else checks that the chosen one is free.
	 */
	private void settleSlug(Caller caller, ProductDraft draft, long productId, Errors errors) {
		if (errors.has("slug") || errors.has("name")) {
			return;
		}
		if (draft.generateSlug) {
			String base = Slugs.kebab(draft.name, "product", MAX_SLUG_BASE);
			draft.slug = this.productRows.freeSlug(caller.accountId(), caller.livemode(), base, productId);
			draft.generateSlug = false;
		}
		else if (draft.slug != null
				&& this.productRows.slugTaken(caller.accountId(), caller.livemode(), draft.slug, productId)) {
			errors.add("slug", "has already been taken");
		}
	}

	/**
	 * The product a request body names in {@code productId} (or {@code product}), which
	 * must be the caller's; null, with the error recorded, when missing or unknown.
	 */
	@Nullable Product productReference(Caller caller, Fields fields) {
		Ref ref = fields.has("productId") ? fields.ref("productId") : fields.ref("product");
		Errors errors = fields.errors();
		if (ref == null) {
			if (!errors.has("productId") && !errors.has("product")) {
				errors.add("productId", "can't be blank");
			}
			return null;
		}
		Optional<Product> product = this.productRows.find(caller.accountId(), caller.livemode(), ref.toString());
		if (product.isEmpty()) {
			errors.add("productId", "must exist");
		}
		return product.orElse(null);
	}

}
