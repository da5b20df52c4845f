package dev.storekeeper.catalog;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.content.Experiences;
import dev.storekeeper.platform.web.Caller;
import dev.storekeeper.platform.web.Errors;
import dev.storekeeper.platform.web.Fields;
import dev.storekeeper.platform.web.Ids;
import dev.storekeeper.platform.web.NotFound;
import dev.storekeeper.platform.web.Page;
import dev.storekeeper.platform.web.PageQuery;
import dev.storekeeper.platform.web.Ref;
import dev.storekeeper.platform.Times;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Price variants of the seller's products: listed, created, changed and deleted; an
 * active product keeps one that is not archived.
 */
@Service
public class PriceVariants {

	private final PriceVariantRepository variants;

	private final ProductRepository productRows;

	private final Products products;

	private final Experiences experiences;

	private final CatalogCache cache;

	private final Clock clock;

	PriceVariants(PriceVariantRepository variants, ProductRepository productRows, Products products,
			Experiences experiences, CatalogCache cache, Clock clock) {
		this.variants = variants;
		this.productRows = productRows;
		this.products = products;
		this.experiences = experiences;
		this.cache = cache;
		this.clock = clock;
	}

	/**
	 * A page of the caller's price variants by position, of one product when
	 * {@code productKey} names one (which must be the caller's).
	 */
	@Transactional(readOnly = true)
	Page<PriceVariantJson> list(Caller caller, @Nullable String productKey, PageQuery page) {
		Long productId = (productKey != null) ? this.products.findProduct(caller, productKey).id() : null;
		long count = this.variants.count(caller.accountId(), caller.livemode(), productId);
		return Page.of(this.variants.page(caller.accountId(), caller.livemode(), productId, page)
			.stream()
			.map(PriceVariantJson::of)
			.toList(), page, count);
	}

	/** The caller's price variant with this prefixId or integer id. */
	@Transactional(readOnly = true)
	public PriceVariantJson get(Caller caller, String key) {
		return PriceVariantJson.of(findVariant(caller, key));
	}

	/** Creates a price variant of one of the caller's products. */
	@Transactional
	public PriceVariantJson create(Caller caller, Fields fields) {
		this.cache.changing();
		Product reference = this.products.productReference(caller, fields);
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
		return get(caller, String.valueOf(id));
	}

	/**
	 * Applies a {@code PATCH} to the caller's price variant; an active product keeps one
	 * variant that is not archived.
	 */
	@Transactional
	public PriceVariantJson update(Caller caller, String key, Fields fields) {
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
		return get(caller, String.valueOf(current.id()));
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
	void delete(Caller caller, String key) {
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
		Product product = this.productRows.byIds(caller.accountId(), caller.livemode(), List.of(productId))
			.get(productId);
		return product != null && Product.ACTIVE.equals(product.status());
	}

	private PriceVariant findVariant(Caller caller, String key) {
		return this.variants.find(caller.accountId(), caller.livemode(), key)
			.orElseThrow(() -> new NotFound("Price variant"));
	}

}
