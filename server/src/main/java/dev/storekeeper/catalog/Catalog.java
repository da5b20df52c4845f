package dev.storekeeper.catalog;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.accounts.Account;
import dev.storekeeper.accounts.AccountJson;
import dev.storekeeper.accounts.Accounts;
import dev.storekeeper.content.Experiences;
import dev.storekeeper.platform.Caller;
import dev.storekeeper.platform.Errors;
import dev.storekeeper.platform.Fields;
import dev.storekeeper.platform.Ids;
import dev.storekeeper.platform.InvalidRecord;
import dev.storekeeper.platform.NotFound;
import dev.storekeeper.platform.Page;
import dev.storekeeper.platform.PageQuery;
import dev.storekeeper.platform.PublicUrl;
import dev.storekeeper.platform.Ref;
import dev.storekeeper.platform.Times;
import dev.storekeeper.sales.Listeners;
import dev.storekeeper.sales.OrderPlaced;
import dev.storekeeper.sales.OrderRefunded;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalog: products, their price variants and reviews for the API, and what checkout
 * and orders need to sell them (prices, stock, sales).
 */
@Service
public class Catalog {

	static final String ACTIVE_NEEDS_VARIANT = "can't be active without a price variant that is not archived";

	private static final int MAX_SLUG_BASE = 80;

	private final ProductRepository products;

	private final PriceVariantRepository variants;

	private final ReviewRepository reviews;

	private final Accounts accounts;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final PublicUrl publicUrl;

	private final Experiences experiences;

	private final CatalogCache cache;

	Catalog(ProductRepository products, PriceVariantRepository variants, ReviewRepository reviews, Accounts accounts,
			Experiences experiences, ApplicationEventPublisher events, Clock clock, PublicUrl publicUrl,
			CatalogCache cache) {
		this.experiences = experiences;
		this.cache = cache;
		this.products = products;
		this.variants = variants;
		this.reviews = reviews;
		this.accounts = accounts;
		this.events = events;
		this.clock = clock;
		this.publicUrl = publicUrl;
	}

	// Products

	/**
	 * A page of the caller's products, newest first: {@code status} one of draft, active,
	 * archived or all; {@code query} searches the name.
	 */
	@Transactional(readOnly = true)
	public Page<ProductJson> products(Caller caller, String status, @Nullable String query, PageQuery page) {
		String search = (query != null) ? query.trim() : "";
		long count = this.products.count(caller.accountId(), caller.livemode(), status, search);
		List<Product> rows = this.products.page(caller.accountId(), caller.livemode(), status, search, page);
		return Page.of(toJson(caller.accountId(), caller.livemode(), rows), page, count);
	}

	/** The caller's product with this prefixId, integer id or slug. */
	@Transactional(readOnly = true)
	public ProductJson product(Caller caller, String key) {
		long generation = this.cache.generation();
		CacheKey cacheKey = new CacheKey("product-key", caller.accountId(), caller.livemode(), key);
		Long id = (Long) this.cache.get(cacheKey, generation);
		if (id == null) {
			id = findProduct(caller, key).id();
			this.cache.put(cacheKey, id, generation);
		}
		ProductJson json = productJson(caller.accountId(), caller.livemode(), List.of(id)).get(id);
		if (json == null) {
			throw new NotFound("Product");
		}
		return json;
	}

	/**
	 * What the catalog cache keeps: a kind of value, its account and mode, and its key.
	 */
	private record CacheKey(String kind, long accountId, boolean livemode, Object key) {
	}

	/** Creates a product; records {@code product.created}. */
	@Transactional
	public ProductJson createProduct(Caller caller, Fields fields) {
		this.cache.changing();
		ProductDraft draft = ProductDraft.fresh();
		draft.apply(fields);
		Errors errors = fields.errors();
		if (Product.ACTIVE.equals(draft.status)) {
			errors.add("status", ACTIVE_NEEDS_VARIANT);
		}
		settleSlug(caller, draft, -1, errors);
		errors.throwIfAny();
		Instant now = Times.now(this.clock);
		long id;
		try {
			id = this.products.insert(Ids.next("prod"), caller.accountId(), caller.livemode(), draft, now);
		}
		catch (DuplicateKeyException ex) {
			throw Errors.of("slug", "has already been taken");
		}
		if (draft.media != null) {
			this.products.replaceMedia(id, draft.media, now);
		}
		ProductJson json = productJson(caller, id);
		this.events.publishEvent(new ProductCreated(caller.accountId(), caller.livemode(), json));
		return json;
	}

	/**
	 * Applies a {@code PATCH} to the caller's product; records {@code product.updated}.
	 */
	@Transactional
	public ProductJson updateProduct(Caller caller, String key, Fields fields) {
		this.cache.changing();
		Product current = findProduct(caller, key);
		ProductDraft draft = ProductDraft.of(current);
		draft.apply(fields);
		Errors errors = fields.errors();
		if (Product.ACTIVE.equals(draft.status) && !errors.has("status")
				&& this.variants.otherLive(current.id(), -1) == 0) {
			errors.add("status", ACTIVE_NEEDS_VARIANT);
		}
		settleSlug(caller, draft, current.id(), errors);
		errors.throwIfAny();
		Instant now = Times.now(this.clock);
		try {
			this.products.update(current.id(), draft, now);
		}
		catch (DuplicateKeyException ex) {
			throw Errors.of("slug", "has already been taken");
		}
		if (draft.media != null) {
			this.products.replaceMedia(current.id(), draft.media, now);
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
	public void deleteProduct(Caller caller, String key) {
		this.cache.changing();
		Product product = findProduct(caller, key);
		if (product.ordersCount() > 0) {
			throw Errors.of("base", "Product cannot be deleted once it has orders; archive it instead");
		}
		ProductJson json = productJson(caller, product.id());
		this.products.delete(product.id());
		this.events.publishEvent(new ProductDeleted(caller.accountId(), caller.livemode(), json));
	}

	private Product findProduct(Caller caller, String key) {
		return this.products.find(caller.accountId(), caller.livemode(), key)
			.orElseThrow(() -> new NotFound("Product"));
	}

	private ProductJson productJson(Caller caller, long id) {
		Product product = this.products.byIds(caller.accountId(), caller.livemode(), List.of(id)).get(id);
		return toJson(caller.accountId(), caller.livemode(), List.of(product)).get(0);
	}

	/**
	 * Makes the slug from the name when asked, else checks that the chosen one is free.
	 */
	private void settleSlug(Caller caller, ProductDraft draft, long productId, Errors errors) {
		if (errors.has("slug") || errors.has("name")) {
			return;
		}
		if (draft.generateSlug) {
			String base = slugify(draft.name);
			Set<String> taken = new HashSet<>(
					this.products.slugsLike(caller.accountId(), caller.livemode(), base, productId));
			String slug = base;
			for (int n = 1; taken.contains(slug); n++) {
				slug = base + "-" + n;
			}
			draft.slug = slug;
			draft.generateSlug = false;
		}
		else if (draft.slug != null
				&& this.products.slugTaken(caller.accountId(), caller.livemode(), draft.slug, productId)) {
			errors.add("slug", "has already been taken");
		}
	}

	/** {@code "Ünïcode & Co. Course!"} → {@code "unicode-co-course"}. */
	static String slugify(@Nullable String name) {
		String plain = Normalizer.normalize((name != null) ? name : "", Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(Locale.ROOT)
			.replaceAll("[^a-z0-9]+", "-")
			.replaceAll("^-+|-+$", "");
		if (plain.length() > MAX_SLUG_BASE) {
			plain = plain.substring(0, MAX_SLUG_BASE).replaceAll("-+$", "");
		}
		return plain.isEmpty() ? "product" : plain;
	}

	/**
	 * The products as the API shows them, with their relations loaded in a fixed number
	 * of statements.
	 */
	private List<ProductJson> toJson(long accountId, boolean livemode, List<Product> rows) {
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
					url(account.subdomain(), product.slug()), !media.isEmpty(), product.livemode(), product.createdAt(),
					product.updatedAt()));
		}
		return result;
	}

	private String url(String subdomain, String slug) {
		return this.publicUrl.of("/p/" + subdomain + "/" + slug);
	}

	/** The live, active product behind a public product page, if there is one. */
	@Transactional(readOnly = true)
	Optional<ProductJson> publicProduct(String subdomain, String slug) {
		Account account;
		try {
			account = this.accounts.bySubdomain(subdomain);
		}
		catch (NotFound ex) {
			return Optional.empty();
		}
		return this.products.findLive(account.id(), slug)
			.filter((product) -> Product.ACTIVE.equals(product.status()))
			.map((product) -> toJson(account.id(), true, List.of(product)).get(0));
	}

	// Price variants

	/**
	 * A page of the caller's price variants by position, of one product when
	 * {@code productKey} names one (which must be the caller's).
	 */
	@Transactional(readOnly = true)
	public Page<PriceVariantJson> variants(Caller caller, @Nullable String productKey, PageQuery page) {
		Long productId = (productKey != null) ? findProduct(caller, productKey).id() : null;
		long count = this.variants.count(caller.accountId(), caller.livemode(), productId);
		return Page.of(this.variants.page(caller.accountId(), caller.livemode(), productId, page)
			.stream()
			.map(PriceVariantJson::of)
			.toList(), page, count);
	}

	/** The caller's price variant with this prefixId or integer id. */
	@Transactional(readOnly = true)
	public PriceVariantJson variant(Caller caller, String key) {
		return PriceVariantJson.of(findVariant(caller, key));
	}

	/** Creates a price variant of one of the caller's products. */
	@Transactional
	public PriceVariantJson createVariant(Caller caller, Fields fields) {
		this.cache.changing();
		Product reference = productReference(caller, fields);
		VariantDraft draft = VariantDraft.fresh();
		draft.apply(fields);
		fields.errors().throwIfAny();
		draft.experiences = grantable(caller, draft.experiences);
		Product product = Objects.requireNonNull(reference);
		if (draft.position == null) {
			draft.position = this.variants.nextPosition(product.id());
		}
		long id = this.variants.insert(Ids.next("pv"), caller.accountId(), caller.livemode(), product.id(), draft,
				Times.now(this.clock));
		return variant(caller, String.valueOf(id));
	}

	/**
	 * Applies a {@code PATCH} to the caller's price variant; an active product keeps one
	 * variant that is not archived.
	 */
	@Transactional
	public PriceVariantJson updateVariant(Caller caller, String key, Fields fields) {
		this.cache.changing();
		PriceVariant current = findVariant(caller, key);
		VariantDraft draft = VariantDraft.of(current);
		draft.apply(fields);
		if (draft.archived && !current.archived() && isActive(caller, current.productId())
				&& this.variants.otherLive(current.productId(), current.id()) == 0) {
			fields.errors()
				.add("archived", "can't be true while the product is active and has no other price variant that is "
						+ "not archived");
		}
		fields.errors().throwIfAny();
		if (fields.has("experienceIds")) {
			draft.experiences = grantable(caller, draft.experiences);
		}
		this.variants.update(current.id(), draft, Times.now(this.clock));
		return variant(caller, String.valueOf(current.id()));
	}

	/**
	 * The experiences a variant grants, checked to be the caller's and kept with both
	 * their integer id and their prefixId; an unknown one is a validation error on
	 * {@code experienceIds}.
	 */
	private List<PriceVariant.Experience> grantable(Caller caller, List<PriceVariant.Experience> requested) {
		if (requested == null || requested.isEmpty()) {
			return (requested != null) ? requested : List.of();
		}
		List<Ref> refs = requested.stream()
			.map((experience) -> (experience.id() != null) ? new Ref(experience.id(), null)
					: new Ref(null, experience.ref()))
			.toList();
		List<Long> ids = this.experiences.resolve(caller.accountId(), caller.livemode(), refs);
		Map<Long, String> prefixIds = new HashMap<>();
		this.experiences.contentFor(caller.accountId(), caller.livemode(), ids)
			.forEach((content) -> prefixIds.put(content.id(), content.prefixId()));
		return ids.stream().map((id) -> new PriceVariant.Experience(id, prefixIds.get(id))).toList();
	}

	/**
	 * Deletes the caller's price variant, unless it has orders or its active product
	 * needs it.
	 */
	@Transactional
	public void deleteVariant(Caller caller, String key) {
		this.cache.changing();
		PriceVariant variant = findVariant(caller, key);
		if (variant.ordersCount() > 0) {
			throw Errors.of("base", "Price variant cannot be deleted once it has orders; archive it instead");
		}
		if (!variant.archived() && isActive(caller, variant.productId())
				&& this.variants.otherLive(variant.productId(), variant.id()) == 0) {
			throw Errors.of("base", "Price variant cannot be deleted while its product is active and has no other "
					+ "price variant that is not archived");
		}
		this.variants.delete(variant.id());
	}

	private boolean isActive(Caller caller, long productId) {
		Product product = this.products.byIds(caller.accountId(), caller.livemode(), List.of(productId)).get(productId);
		return product != null && Product.ACTIVE.equals(product.status());
	}

	private PriceVariant findVariant(Caller caller, String key) {
		return this.variants.find(caller.accountId(), caller.livemode(), key)
			.orElseThrow(() -> new NotFound("Price variant"));
	}

	/**
	 * The product a request body names in {@code productId} (or {@code product}), which
	 * must be the caller's; null, with the error recorded, when missing or unknown.
	 */
	private @Nullable Product productReference(Caller caller, Fields fields) {
		Ref ref = fields.has("productId") ? fields.ref("productId") : fields.ref("product");
		Errors errors = fields.errors();
		if (ref == null) {
			if (!errors.has("productId") && !errors.has("product")) {
				errors.add("productId", "can't be blank");
			}
			return null;
		}
		Optional<Product> product = this.products.find(caller.accountId(), caller.livemode(), ref.toString());
		if (product.isEmpty()) {
			errors.add("productId", "must exist");
		}
		return product.orElse(null);
	}

	// Reviews

	/**
	 * A page of the caller's reviews by position, of one product when {@code productKey}
	 * names one.
	 */
	@Transactional(readOnly = true)
	public Page<ReviewJson> reviews(Caller caller, @Nullable String productKey, PageQuery page) {
		Long productId = (productKey != null) ? findProduct(caller, productKey).id() : null;
		long count = this.reviews.count(caller.accountId(), caller.livemode(), productId);
		return Page.of(this.reviews.page(caller.accountId(), caller.livemode(), productId, page)
			.stream()
			.map(ReviewJson::of)
			.toList(), page, count);
	}

	/** The caller's review with this prefixId or integer id. */
	@Transactional(readOnly = true)
	public ReviewJson review(Caller caller, String key) {
		return ReviewJson.of(findReview(caller, key));
	}

	/**
	 * Creates a review of one of the caller's products; records {@code review.created}.
	 */
	@Transactional
	public ReviewJson createReview(Caller caller, Fields fields) {
		this.cache.changing();
		Product reference = productReference(caller, fields);
		ReviewDraft draft = ReviewDraft.fresh();
		draft.apply(fields);
		fields.errors().throwIfAny();
		Product product = Objects.requireNonNull(reference);
		int position = (draft.position != null) ? draft.position : this.reviews.nextPosition(product.id());
		long id = this.reviews.insert(Ids.next("rev"), caller.accountId(), caller.livemode(), product.id(),
				draft.rating, draft.content, draft.customerName, position, Times.now(this.clock));
		ReviewJson json = review(caller, String.valueOf(id));
		this.events.publishEvent(new ReviewCreated(caller.accountId(), caller.livemode(), json));
		return json;
	}

	/** Applies a {@code PATCH} to the caller's review. */
	@Transactional
	public ReviewJson updateReview(Caller caller, String key, Fields fields) {
		this.cache.changing();
		Review current = findReview(caller, key);
		ReviewDraft draft = ReviewDraft.of(current);
		draft.apply(fields);
		fields.errors().throwIfAny();
		this.reviews.update(current.id(), draft.rating, draft.content, draft.customerName,
				(draft.position != null) ? draft.position : current.position(), Times.now(this.clock));
		return review(caller, String.valueOf(current.id()));
	}

	/** Deletes the caller's review. */
	@Transactional
	public void deleteReview(Caller caller, String key) {
		this.cache.changing();
		this.reviews.delete(findReview(caller, key).id());
	}

	private Review findReview(Caller caller, String key) {
		return this.reviews.find(caller.accountId(), caller.livemode(), key).orElseThrow(() -> new NotFound("Review"));
	}

	// For checkout and orders

	/** The variant a checkout would sell, if it is the account's in that mode. */
	@Transactional(readOnly = true)
	public Optional<VariantForSale> variantForSale(long accountId, boolean livemode, Ref variant) {
		return forSale(accountId, livemode, List.of(variant)).get(0);
	}

	/**
	 * The account's variants that {@code refs} name (integer ids or prefixIds), in the
	 * order of {@code refs}, read in one statement: empty where a reference names none of
	 * theirs.
	 */
	@Transactional(readOnly = true)
	public List<Optional<VariantForSale>> forSale(long accountId, boolean livemode, List<Ref> refs) {
		if (refs.isEmpty()) {
			return List.of();
		}
		List<Long> ids = refs.stream().map(Ref::id).filter(Objects::nonNull).map(Long.class::cast).toList();
		List<String> prefixIds = refs.stream()
			.map(Ref::prefixId)
			.filter(Objects::nonNull)
			.map(String.class::cast)
			.toList();
		Map<Long, VariantForSale> found = forSale(accountId, livemode, ids, prefixIds);
		return refs.stream()
			.map((ref) -> found.values()
				.stream()
				.filter((variant) -> (ref.id() != null) ? ref.id() == variant.id()
						: variant.prefixId().equals(ref.prefixId()))
				.findFirst())
			.toList();
	}

	/**
	 * The account's variants among {@code ids}, by id, in one statement; others are left
	 * out.
	 */
	@Transactional(readOnly = true)
	public Map<Long, VariantForSale> variantsForSale(long accountId, boolean livemode, Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return forSale(accountId, livemode, ids, List.of());
	}

	/**
	 * All that completing a checkout needs of the catalog, in one call: the variants as
	 * they were for sale, their stock taken where enough is left (the lines it was not
	 * are {@link Reservation#shortOf}), and the variants and products as {@code GET}
	 * shows them afterwards. Must run in the checkout's transaction, which undoes it all
	 * when the sale fails.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Reservation reserve(long accountId, boolean livemode, List<Reservation.Line> lines) {
		List<Long> ids = lines.stream().map(Reservation.Line::priceVariantId).toList();
		Map<Long, VariantForSale> variants = forSale(accountId, livemode, ids, List.of());
		List<Reservation.Line> shortOf = new ArrayList<>();
		for (Reservation.Line line : lines) {
			if (!takeStock(line.priceVariantId(), line.quantity())) {
				shortOf.add(line);
			}
		}
		return new Reservation(variants, List.copyOf(shortOf), variantJson(accountId, livemode, ids), productJson(
				accountId, livemode, variants.values().stream().map(VariantForSale::productId).distinct().toList()));
	}

	private Map<Long, VariantForSale> forSale(long accountId, boolean livemode, Collection<Long> ids,
			Collection<String> prefixIds) {
		Map<Long, List<PriceVariantRepository.SaleRow>> byVariant = new LinkedHashMap<>();
		for (PriceVariantRepository.SaleRow row : this.variants.forSale(accountId, livemode, ids, prefixIds)) {
			byVariant.computeIfAbsent(row.variant().id(), (key) -> new ArrayList<>()).add(row);
		}
		Map<Long, VariantForSale> result = new LinkedHashMap<>();
		byVariant.forEach((id, rows) -> {
			PriceVariantRepository.SaleRow first = rows.get(0);
			PriceVariant v = first.variant();
			List<Long> experienceIds = new ArrayList<>();
			for (PriceVariantRepository.SaleRow row : rows) {
				if (row.experience() != null && row.experience().id() != null) {
					experienceIds.add(row.experience().id());
				}
			}
			result.put(id, new VariantForSale(v.id(), v.prefixId(), v.productId(), first.productPrefixId(),
					first.productName(), first.productStatus(), v.name(), v.amount(), v.currency(), v.billingType(),
					v.amountType(), v.presetAmount(), v.minimumAmount(), v.maximumAmount(), v.recurringInterval(),
					v.intervalCount(), v.trialPeriodDays(), v.revokeAfterDays(), v.seatQuantity(),
					v.quantityAvailable(), v.waitlist(), v.hidden(), v.archived(), List.copyOf(experienceIds)));
		});
		return result;
	}

	/**
	 * Takes {@code quantity} from the variant's stock in one conditional update: true
	 * when taken (always for an unlimited variant), false when too little is left or
	 * there is no such variant. Records {@code product.low_stock} when the stock falls to
	 * 10% or less of what it was set to.
	 */
	@Transactional
	public boolean takeStock(long variantId, int quantity) {
		if (quantity < 1) {
			throw new IllegalArgumentException("quantity must be 1 or more");
		}
		Optional<PriceVariantRepository.Stock> before = this.variants.stock(variantId);
		if (before.isEmpty()) {
			return false;
		}
		if (before.get().quantityAvailable() == null) {
			// unlimited: nothing to take, and no lock on the variant, which every
			// checkout of it shares
			return true;
		}
		this.cache.changing();
		if (!this.variants.takeStock(variantId, quantity)) {
			return false;
		}
		this.variants.stock(variantId).ifPresent((stock) -> {
			Integer left = stock.quantityAvailable();
			Integer initial = stock.initialQuantity();
			if (left != null && initial != null && initial > 0 && left * 10L <= initial
					&& (left + (long) quantity) * 10L > initial) {
				Product product = this.products.byIds(stock.accountId(), stock.livemode(), List.of(stock.productId()))
					.get(stock.productId());
				this.events.publishEvent(new StockRanLow(stock.accountId(), stock.livemode(),
						toJson(stock.accountId(), stock.livemode(), List.of(product)).get(0)));
			}
		});
		return true;
	}

	/**
	 * Puts {@code quantity} back into a limited variant's stock (a refund, an expired
	 * hold).
	 */
	@Transactional
	public void returnStock(long variantId, int quantity) {
		this.cache.changing();
		if (quantity < 1) {
			throw new IllegalArgumentException("quantity must be 1 or more");
		}
		this.variants.returnStock(variantId, quantity);
	}

	/**
	 * Marks the variants an order sold, and their products, as sold, in the order's
	 * transaction: from then on they can only be archived, never deleted. Only the first
	 * sale writes (see {@link PriceVariantRepository#recordSale}), so checkouts of one
	 * variant never wait for each other on its row or its product's.
	 */
	@EventListener
	@Order(Listeners.STATE)
	void on(OrderPlaced placed) {
		placed.lines().forEach((line) -> recordSale(line.priceVariantId()));
	}

	/** Marks one variant and its product as sold (see {@link #on(OrderPlaced)}). */
	@Transactional
	public void recordSale(long variantId) {
		this.variants.recordSale(variantId);
	}

	/** Puts the stock of a fully refunded order back, in the refund's transaction. */
	@EventListener
	@Order(Listeners.STATE)
	void on(OrderRefunded refunded) {
		refunded.returned().forEach((line) -> returnStock(line.priceVariantId(), line.quantity()));
	}

	/** The account's products among {@code productIds}, in brief, by id. */
	@Transactional(readOnly = true)
	public Map<Long, ProductSummary> products(long accountId, boolean livemode, Collection<Long> productIds) {
		Map<Long, Product> rows = this.products.byIds(accountId, livemode, productIds);
		if (rows.isEmpty()) {
			return Map.of();
		}
		String subdomain = this.accounts.get(accountId).subdomain();
		Map<Long, ProductSummary> result = new LinkedHashMap<>();
		rows.forEach((id, product) -> result.put(id, new ProductSummary(id, product.prefixId(), product.name(),
				product.slug(), product.status(), url(subdomain, product.slug()))));
		return result;
	}

	/**
	 * The account's products among {@code productIds} as {@code GET} shows them, by id,
	 * in a fixed number of statements (for an order's line items).
	 */
	@Transactional(readOnly = true)
	public Map<Long, ProductJson> productJson(long accountId, boolean livemode, Collection<Long> productIds) {
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
	 * The account's price variants among {@code variantIds}, archived ones included, as
	 * {@code GET} shows them, by id, in a fixed number of statements.
	 */
	@Transactional(readOnly = true)
	public Map<Long, PriceVariantJson> variantJson(long accountId, boolean livemode, Collection<Long> variantIds) {
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

	/**
	 * The id of the account's product named by an integer id, a prefixId or a slug, if it
	 * is theirs.
	 */
	@Transactional(readOnly = true)
	public Optional<Long> resolveProductId(long accountId, boolean livemode, Ref ref) {
		return this.products.find(accountId, livemode, ref.toString()).map(Product::id);
	}

	/**
	 * The ids of the caller's variants that {@code refs} name (integer ids or prefixIds),
	 * in order, without repeats.
	 * @throws InvalidRecord on {@code priceVariants} when any is not the account's
	 */
	@Transactional(readOnly = true)
	public List<Long> resolveVariantIds(long accountId, boolean livemode, List<Ref> refs) {
		if (refs.isEmpty()) {
			return List.of();
		}
		List<Long> ids = refs.stream().map(Ref::id).filter((id) -> id != null).map(Long.class::cast).toList();
		List<String> prefixIds = refs.stream()
			.map(Ref::prefixId)
			.filter((id) -> id != null)
			.map(String.class::cast)
			.toList();
		Map<String, Long> known = this.variants.resolve(accountId, livemode, ids, prefixIds);
		Set<Long> result = new LinkedHashSet<>();
		for (Ref ref : refs) {
			Long id = known.get(ref.toString());
			if (id == null) {
				throw Errors.of("priceVariants", "contains an unknown price variant");
			}
			result.add(id);
		}
		return List.copyOf(result);
	}

}
