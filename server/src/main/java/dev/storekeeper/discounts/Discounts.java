package dev.storekeeper.discounts;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.catalog.Catalog;
import dev.storekeeper.catalog.PriceVariantJson;
import dev.storekeeper.platform.web.Caller;
import dev.storekeeper.platform.web.Errors;
import dev.storekeeper.platform.web.Fields;
import dev.storekeeper.platform.web.Ids;
import dev.storekeeper.platform.web.InvalidRecord;
import dev.storekeeper.platform.web.NotFound;
import dev.storekeeper.platform.web.Page;
import dev.storekeeper.platform.web.PageQuery;
import dev.storekeeper.platform.web.Ref;
import dev.storekeeper.platform.Times;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Discount codes: unique per account and mode ignoring case, matched ignoring case at
 * checkout, redeemed never past their limit.
 */
@Service
public class Discounts {

	private final DiscountRepository discounts;

	private final Catalog catalog;

	private final Clock clock;

	Discounts(DiscountRepository discounts, Catalog catalog, Clock clock) {
		this.discounts = discounts;
		this.catalog = catalog;
		this.clock = clock;
	}

	/** A page of the caller's discounts, newest first, of one status when given. */
	@Transactional(readOnly = true)
	public Page<DiscountJson> list(Caller caller, @Nullable String status, PageQuery page) {
		Instant now = Times.now(this.clock);
		long count = this.discounts.count(caller.accountId(), caller.livemode(), status, now);
		List<Discount> rows = this.discounts.page(caller.accountId(), caller.livemode(), status, now, page);
		return Page.of(json(caller.accountId(), caller.livemode(), rows), page, count);
	}

	/** One of the caller's discounts by prefixId or integer id. */
	@Transactional(readOnly = true)
	public DiscountJson get(Caller caller, String key) {
		return json(caller.accountId(), caller.livemode(), List.of(find(caller, key))).get(0);
	}

	/** Creates a discount. */
	@Transactional
	public DiscountJson create(Caller caller, Fields fields) {
		Instant now = Times.now(this.clock);
		DiscountDraft draft = new DiscountDraft();
		draft.apply(fields, true, now);
		checkCode(caller, draft, fields.errors(), 0);
		resolveVariants(caller, draft, fields.errors());
		resolveProducts(caller, draft, fields.errors());
		fields.errors().throwIfAny();
		try {
			long id = this.discounts.insert(Ids.next("disc"), caller.accountId(), caller.livemode(), draft, now);
			return get(caller, String.valueOf(id));
		}
		catch (DuplicateKeyException ex) {
			throw Errors.of("code", "has already been taken");
		}
	}

	/** Applies a {@code PATCH} under the same rules. */
	@Transactional
	public DiscountJson update(Caller caller, String key, Fields fields) {
		Discount current = find(caller, key);
		DiscountDraft draft = DiscountDraft.of(current);
		draft.apply(fields, false, Times.now(this.clock));
		checkCode(caller, draft, fields.errors(), current.id());
		resolveVariants(caller, draft, fields.errors());
		resolveProducts(caller, draft, fields.errors());
		if (draft.maxRedemptions != null && draft.maxRedemptions < current.timesRedeemed()
				&& !fields.errors().has("maxRedemptions")) {
			fields.errors()
				.add("maxRedemptions",
						"can't be less than the times already redeemed (" + current.timesRedeemed() + ")");
		}
		fields.errors().throwIfAny();
		try {
			this.discounts.update(current.id(), draft, Times.now(this.clock));
		}
		catch (DuplicateKeyException ex) {
			throw Errors.of("code", "has already been taken");
		}
		return get(caller, String.valueOf(current.id()));
	}

	/** Deletes a discount that was never redeemed. */
	@Transactional
	public void delete(Caller caller, String key) {
		Discount discount = find(caller, key);
		if (!this.discounts.delete(discount.id())) {
			throw Errors.of("base", "Discount " + discount.code()
					+ " has been redeemed and cannot be deleted; set redeemBy or maxRedemptions to end it");
		}
	}

	/**
	 * The active discount with this code (ignoring case), for a checkout; an unknown,
	 * scheduled or expired one is a validation error on {@code discountCode}.
	 */
	@Transactional(readOnly = true)
	public Discount findActiveByCode(long accountId, boolean livemode, String code, Instant now) {
		Discount discount = this.discounts.findByCode(accountId, livemode, code)
			.orElseThrow(() -> Errors.of("discountCode", "is not a valid discount code"));
		return requireActive(discount, now);
	}

	/**
	 * The account's discount by id, which must be active now (for a checkout link's
	 * pre-applied discount).
	 */
	@Transactional(readOnly = true)
	public Discount findActive(long accountId, boolean livemode, long id, Instant now) {
		Discount discount = this.discounts.findById(accountId, livemode, id)
			.orElseThrow(() -> Errors.of("discountId", "does not exist"));
		return requireActive(discount, now);
	}

	/**
	 * The id of the account's discount named by an integer id or a prefixId, if it is
	 * theirs.
	 */
	@Transactional(readOnly = true)
	public Optional<Long> resolveId(long accountId, boolean livemode, Ref ref) {
		return ((ref.id() != null) ? this.discounts.findById(accountId, livemode, ref.id())
				: this.discounts.find(accountId, livemode, Objects.requireNonNull(ref.prefixId())))
			.map(Discount::id);
	}

	private static Discount requireActive(Discount discount, Instant now) {
		String status = discount.status(now);
		if (status.equals("scheduled")) {
			throw Errors.of("discountCode", "is not active yet");
		}
		if (status.equals("expired")) {
			throw Errors.of("discountCode", "has expired");
		}
		return discount;
	}

	/**
	 * Counts one redemption, unless that would pass {@code maxRedemptions} or the
	 * discount is no longer active: one conditional update, so concurrent checkouts can
	 * never over-redeem.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean redeem(long discountId, Instant now) {
		return this.discounts.redeem(discountId, now);
	}

	/**
	 * All that completing a checkout needs of its discount, in one call: the account's
	 * discount, found active, redeemed once (see {@link #redeem(long, Instant)}) and as
	 * {@code GET} shows it afterwards. A discount that is not active is not redeemed: the
	 * refusal is handed back for the checkout to raise in its turn.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Redemption redeem(long accountId, boolean livemode, long discountId, Instant now) {
		Discount discount;
		try {
			discount = findActive(accountId, livemode, discountId, now);
		}
		catch (InvalidRecord ex) {
			return new Redemption(null, false, null, ex);
		}
		boolean redeemed = redeem(discount.id(), now);
		return new Redemption(discount, redeemed,
				discountJson(accountId, livemode, List.of(discount.id())).get(discount.id()), null);
	}

	/**
	 * A discount redeemed for a checkout: the discount and its JSON, or why it could not
	 * be used.
	 *
	 * @param redeemed false when it has reached its redemption limit
	 * @param refused the validation error when it is not active (then discount is null)
	 */
	public record Redemption(@Nullable Discount discount, boolean redeemed, @Nullable DiscountJson json,
			@Nullable InvalidRecord refused) {

		/** The discount, or the reason it cannot be used thrown. */
		public @Nullable Discount discountOrThrow() {
			if (this.refused != null) {
				throw this.refused;
			}
			return this.discount;
		}

	}

	/** Gives back a redemption. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void unredeem(long discountId) {
		this.discounts.unredeem(discountId);
	}

	/**
	 * Discounts as {@code GET} shows them, by id, in a fixed number of statements (for
	 * order expansion).
	 */
	@Transactional(readOnly = true)
	public Map<Long, DiscountJson> discountJson(long accountId, boolean livemode, Collection<Long> ids) {
		Map<Long, DiscountJson> result = new LinkedHashMap<>();
		json(accountId, livemode, this.discounts.byIds(accountId, livemode, ids))
			.forEach((json) -> result.put(json.id(), json));
		return result;
	}

	private List<DiscountJson> json(long accountId, boolean livemode, List<Discount> rows) {
		Instant now = Times.now(this.clock);
		Set<Long> variantIds = rows.stream()
			.flatMap((discount) -> discount.priceVariantIds().stream())
			.collect(Collectors.toSet());
		Map<Long, PriceVariantJson> variants = variantIds.isEmpty() ? Map.of()
				: this.catalog.variantJson(accountId, livemode, variantIds);
		Set<Long> productIds = rows.stream()
			.flatMap((discount) -> discount.productIds().stream())
			.collect(Collectors.toSet());
		Map<Long, dev.storekeeper.catalog.ProductSummary> products = productIds.isEmpty() ? Map.of()
				: this.catalog.products(accountId, livemode, productIds);
		return rows.stream()
			.map((discount) -> DiscountJson.of(discount, now,
					discount.priceVariantIds().stream().map(variants::get).filter(Objects::nonNull).toList(),
					discount.productIds()
						.stream()
						.map(products::get)
						.filter(Objects::nonNull)
						.map(dev.storekeeper.catalog.ProductSummary::prefixId)
						.toList()))
			.toList();
	}

	private void checkCode(Caller caller, DiscountDraft draft, Errors errors, long exceptId) {
		if (!errors.has("code")
				&& this.discounts.codeTaken(caller.accountId(), caller.livemode(), draft.code, exceptId)) {
			errors.add("code", "has already been taken");
		}
	}

	private void resolveVariants(Caller caller, DiscountDraft draft, Errors errors) {
		if (draft.priceVariantRefs == null || errors.has("priceVariants")) {
			return;
		}
		if (draft.priceVariantRefs.size() > 100) {
			errors.add("priceVariants", "is too long (maximum is 100 items)");
			return;
		}
		try {
			draft.priceVariantIds = new java.util.ArrayList<>(
					this.catalog.resolveVariantIds(caller.accountId(), caller.livemode(), draft.priceVariantRefs));
		}
		catch (dev.storekeeper.platform.web.InvalidRecord ex) {
			errors.addAll(ex.errors());
		}
	}

	private void resolveProducts(Caller caller, DiscountDraft draft, Errors errors) {
		if (draft.productRefs == null || errors.has("productIds")) {
			return;
		}
		if (draft.productRefs.size() > 100) {
			errors.add("productIds", "is too long (maximum is 100 items)");
			return;
		}
		java.util.Set<Long> ids = new java.util.LinkedHashSet<>();
		for (Ref ref : draft.productRefs) {
			java.util.Optional<Long> id = this.catalog.resolveProductId(caller.accountId(), caller.livemode(), ref);
			if (id.isEmpty()) {
				errors.add("productIds", "contains an unknown product");
				return;
			}
			ids.add(id.get());
		}
		draft.productIds = new java.util.ArrayList<>(ids);
	}

	private Discount find(Caller caller, String key) {
		Ref ref = Ref.parse(key);
		return ((ref.id() != null) ? this.discounts.findById(caller.accountId(), caller.livemode(), ref.id())
				: this.discounts.find(caller.accountId(), caller.livemode(), key))
			.orElseThrow(() -> new NotFound("Discount"));
	}

}
