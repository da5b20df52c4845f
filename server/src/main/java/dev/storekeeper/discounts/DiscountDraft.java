package dev.storekeeper.discounts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.platform.web.Errors;
import dev.storekeeper.platform.web.Fields;
import dev.storekeeper.platform.web.Ref;

/**
 * The editable fields of a discount, read from a request and checked against the rules of
 * the contract.
 */
final class DiscountDraft {

	static final Set<String> TYPES = Set.of("percent_off", "amount_off");

	static final Set<String> DURATIONS = Set.of("once", "repeating", "forever");

	private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{3,40}");

	private static final long MAX_AMOUNT = 99_999_999L;

	String code = "";

	@Nullable String name;

	String discountType = "percent_off";

	@Nullable BigDecimal percentOff;

	@Nullable Long amountOff;

	@Nullable String currency;

	String duration = "once";

	@Nullable Integer durationInMonths;

	@Nullable Instant redeemBy;

	@Nullable Instant startsAt;

	@Nullable Integer maxRedemptions;

	@Nullable Long minimumAmount;

	List<Long> priceVariantIds = new ArrayList<>();

	/** The products it is restricted to (any of their variants). */
	List<Long> productIds = new ArrayList<>();

	/** The product references given in the request, resolved by the service. */
	@Nullable List<Ref> productRefs;

	/**
	 * The variant references given in the request, resolved against the catalog by the
	 * service.
	 */
	@Nullable List<Ref> priceVariantRefs;

	static DiscountDraft of(Discount discount) {
		DiscountDraft draft = new DiscountDraft();
		draft.code = discount.code();
		draft.name = discount.name();
		draft.discountType = discount.discountType();
		draft.percentOff = discount.percentOff();
		draft.amountOff = discount.amountOff();
		draft.currency = discount.currency();
		draft.duration = discount.duration();
		draft.durationInMonths = discount.durationInMonths();
		draft.redeemBy = discount.redeemBy();
		draft.startsAt = discount.startsAt();
		draft.maxRedemptions = discount.maxRedemptions();
		draft.minimumAmount = discount.minimumAmount();
		draft.priceVariantIds = new ArrayList<>(discount.priceVariantIds());
		draft.productIds = new ArrayList<>(discount.productIds());
		return draft;
	}

	/**
	 * Applies the fields present in the request and checks every rule; {@code now} judges
	 * {@code redeemBy}.
	 */
	void apply(Fields fields, boolean creating, Instant now) {
		Errors errors = fields.errors();
		if (creating || fields.has("code")) {
			String value = fields.string("code");
			this.code = (value != null) ? value.trim() : "";
			if (!errors.has("code")) {
				if (this.code.isEmpty()) {
					errors.add("code", "can't be blank");
				}
				else if (!CODE.matcher(this.code).matches()) {
					errors.add("code", "must be 3 to 40 letters, digits, underscores or hyphens");
				}
			}
		}
		if (fields.has("name")) {
			this.name = fields.string("name");
			if (this.name != null && this.name.length() > 100) {
				errors.add("name", "is too long (maximum is 100 characters)");
			}
		}
		boolean percentGiven = fields.has("percentOff") && !fields.isNull("percentOff");
		boolean amountGiven = fields.has("amountOff") && !fields.isNull("amountOff");
		if (fields.has("discountType")) {
			String type = fields.string("discountType");
			if (type == null || !TYPES.contains(type)) {
				errors.add("discountType", "is not included in the list");
			}
			else {
				this.discountType = type;
			}
		}
		else if (percentGiven != amountGiven) {
			this.discountType = percentGiven ? "percent_off" : "amount_off";
		}
		if (percentGiven && amountGiven) {
			errors.add("base", "A discount takes either percentOff or amountOff, not both");
		}
		if (fields.has("percentOff")) {
			this.percentOff = fields.decimal("percentOff");
		}
		if (fields.has("amountOff")) {
			this.amountOff = fields.integer("amountOff");
		}
		if (fields.has("currency")) {
			String value = fields.string("currency");
			this.currency = (value != null && !value.isBlank()) ? value.trim().toUpperCase(Locale.ROOT) : null;
		}
		if (this.discountType.equals("percent_off")) {
			this.amountOff = null;
			this.currency = null;
			if (!errors.has("percentOff") && !errors.has("base")) {
				if (this.percentOff == null) {
					errors.add("percentOff", "can't be blank");
				}
				else if (this.percentOff.signum() <= 0 || this.percentOff.compareTo(BigDecimal.valueOf(100)) > 0) {
					errors.add("percentOff", "must be greater than 0 and less than or equal to 100");
				}
				else if (this.percentOff.stripTrailingZeros().scale() > 2) {
					errors.add("percentOff", "can have at most 2 decimal places");
				}
			}
		}
		else {
			this.percentOff = null;
			if (!errors.has("amountOff") && !errors.has("base")) {
				if (this.amountOff == null) {
					errors.add("amountOff", "can't be blank");
				}
				else if (this.amountOff <= 0 || this.amountOff > MAX_AMOUNT) {
					errors.add("amountOff", "must be greater than 0 and at most " + MAX_AMOUNT);
				}
			}
			if (this.currency == null) {
				errors.add("currency", "can't be blank with amountOff");
			}
		}
		if (this.currency != null && !this.currency.matches("[A-Z]{3}")) {
			errors.add("currency", "is not a valid ISO 4217 code");
		}
		if (fields.has("duration")) {
			String value = fields.string("duration");
			if (value == null || !DURATIONS.contains(value)) {
				errors.add("duration", "is not included in the list");
			}
			else {
				this.duration = value;
			}
		}
		if (fields.has("durationInMonths")) {
			Long months = fields.integer("durationInMonths");
			this.durationInMonths = (months != null) ? months.intValue() : null;
			if (months != null && (months < 1 || months > 120)) {
				errors.add("durationInMonths", "must be between 1 and 120");
			}
		}
		if (this.duration.equals("repeating") && this.durationInMonths == null && !errors.has("durationInMonths")) {
			errors.add("durationInMonths", "can't be blank when duration is repeating");
		}
		if (!this.duration.equals("repeating")) {
			this.durationInMonths = null;
		}
		if (fields.has("redeemBy")) {
			this.redeemBy = fields.instant("redeemBy");
			if (this.redeemBy != null && !this.redeemBy.isAfter(now)) {
				errors.add("redeemBy", "must be in the future");
			}
		}
		if (fields.has("startsAt")) {
			this.startsAt = fields.instant("startsAt");
		}
		if (this.startsAt != null && this.redeemBy != null && !this.redeemBy.isAfter(this.startsAt)
				&& !errors.has("redeemBy")) {
			errors.add("redeemBy", "must be after startsAt");
		}
		if (fields.has("maxRedemptions")) {
			Long max = fields.integer("maxRedemptions");
			this.maxRedemptions = (max != null && max <= Integer.MAX_VALUE) ? max.intValue() : null;
			if (max != null && (max < 1 || max > Integer.MAX_VALUE)) {
				errors.add("maxRedemptions", "must be greater than or equal to 1");
			}
		}
		if (fields.has("minimumAmount")) {
			this.minimumAmount = fields.integer("minimumAmount");
			if (this.minimumAmount != null && (this.minimumAmount < 0 || this.minimumAmount > MAX_AMOUNT)) {
				errors.add("minimumAmount", "must be between 0 and " + MAX_AMOUNT);
			}
		}
		if (fields.has("priceVariants") || fields.has("priceVariantIds")) {
			List<Ref> refs = fields.has("priceVariants") ? fields.refs("priceVariants")
					: fields.refs("priceVariantIds");
			this.priceVariantRefs = (refs != null) ? refs : List.of();
		}
		if (fields.has("productIds")) {
			List<Ref> refs = fields.refs("productIds");
			this.productRefs = (refs != null) ? refs : List.of();
		}
	}

}
