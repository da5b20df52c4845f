package dev.storekeeper.catalog;

import java.time.Clock;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.platform.web.Caller;
import dev.storekeeper.platform.web.Fields;
import dev.storekeeper.platform.web.Ids;
import dev.storekeeper.platform.web.NotFound;
import dev.storekeeper.platform.web.Page;
import dev.storekeeper.platform.web.PageQuery;
import dev.storekeeper.platform.Times;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reviews of the seller's products: listed, created (published as an event), changed and
 * deleted.
 */
@Service
class Reviews {

	private final ReviewRepository reviews;

	private final Products products;

	private final CatalogCache cache;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Reviews(ReviewRepository reviews, Products products, CatalogCache cache, ApplicationEventPublisher events,
			Clock clock) {
		this.reviews = reviews;
		this.products = products;
		this.cache = cache;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * A page of the caller's reviews by position, of one product when {@code productKey}
	 * names one.
	 */
	@Transactional(readOnly = true)
	Page<ReviewJson> list(Caller caller, @Nullable String productKey, PageQuery page) {
		Long productId = (productKey != null) ? this.products.findProduct(caller, productKey).id() : null;
		long count = this.reviews.count(caller.accountId(), caller.livemode(), productId);
		return Page.of(this.reviews.page(caller.accountId(), caller.livemode(), productId, page)
			.stream()
			.map(ReviewJson::of)
			.toList(), page, count);
	}

	/** The caller's review with this prefixId or integer id. */
	@Transactional(readOnly = true)
	ReviewJson get(Caller caller, String key) {
		return ReviewJson.of(findReview(caller, key));
	}

	/**
	 * Creates a review of one of the caller's products; records {@code review.created}.
	 */
	@Transactional
	ReviewJson create(Caller caller, Fields fields) {
		this.cache.changing();
		Product reference = this.products.productReference(caller, fields);
		ReviewDraft draft = ReviewDraft.fresh();
		draft.apply(fields);
		fields.errors().throwIfAny();
		Product product = Objects.requireNonNull(reference);
		int position = (draft.position != null) ? draft.position : this.reviews.nextPosition(product.id());
		long id = this.reviews.insert(Ids.next("rev"), caller.accountId(), caller.livemode(), product.id(),
				draft.rating, draft.content, draft.customerName, position, Times.now(this.clock));
		ReviewJson json = get(caller, String.valueOf(id));
		this.events.publishEvent(new ReviewCreated(caller.accountId(), caller.livemode(), json));
		return json;
	}

	/** Applies a {@code PATCH} to the caller's review. */
	@Transactional
	ReviewJson update(Caller caller, String key, Fields fields) {
		this.cache.changing();
		Review current = findReview(caller, key);
		ReviewDraft draft = ReviewDraft.of(current);
		draft.apply(fields);
		fields.errors().throwIfAny();
		this.reviews.update(current.id(), draft.rating, draft.content, draft.customerName,
				(draft.position != null) ? draft.position : current.position(), Times.now(this.clock));
		return get(caller, String.valueOf(current.id()));
	}

	/** Deletes the caller's review. */
	@Transactional
	void delete(Caller caller, String key) {
		this.cache.changing();
		this.reviews.delete(findReview(caller, key).id());
	}

	private Review findReview(Caller caller, String key) {
		return this.reviews.find(caller.accountId(), caller.livemode(), key).orElseThrow(() -> new NotFound("Review"));
	}

}
