package dev.storekeeper.catalog;

import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.platform.web.Errors;
import dev.storekeeper.platform.web.Fields;
import dev.storekeeper.platform.web.Ref;

/**
 * A price variant's editable fields while a create or update is checked: the stored
 * values (or defaults) with the request's fields applied over them, then every rule of
 * the contract checked at once.
 */
final class VariantDraft {

	static final Set<String> BILLING_TYPES = Set.of(PriceVariant.ONE_TIME, PriceVariant.RECURRING, PriceVariant.FREE);

	static final Set<String> AMOUNT_TYPES = Set.of(PriceVariant.FIXED, PriceVariant.PAY_WHAT_YOU_WANT);

	static final Set<String> INTERVALS = Set.of("day", "week", "month", "year");

	static final long MAX_AMOUNT = 99_999_999L;

	static final int MAX_BENEFITS = 20;

	@Nullable String name;

	@Nullable Long amount;

	@Nullable String currency;

	String billingType = PriceVariant.ONE_TIME;

	String amountType = PriceVariant.FIXED;

	@Nullable Long presetAmount;

	@Nullable Long minimumAmount;

	@Nullable Long maximumAmount;

	@Nullable Long discountedFromAmount;

	@Nullable String recurringInterval;

	@Nullable Integer intervalCount;

	@Nullable Integer trialPeriodDays;

	@Nullable Integer revokeAfterDays;

	@Nullable Integer seatQuantity;

	@Nullable Integer quantityAvailable;

	/** Whether the request set the stock (which then becomes the new initial stock). */
	boolean stockSet;

	boolean waitlist;

	boolean hidden;

	boolean archived;

	@Nullable Integer position;

	@Nullable List<String> benefits;

	/** The new experiences, or null when the request leaves them as they are. */
	@Nullable List<PriceVariant.Experience> experiences;

	static VariantDraft fresh() {
		return new VariantDraft();
	}

	static VariantDraft of(PriceVariant variant) {
		VariantDraft draft = new VariantDraft();
		draft.name = variant.name();
		draft.amount = variant.amount();
		draft.currency = variant.currency();
		draft.billingType = variant.billingType();
		draft.amountType = variant.amountType();
		draft.presetAmount = variant.presetAmount();
		draft.minimumAmount = variant.minimumAmount();
		draft.maximumAmount = variant.maximumAmount();
		draft.discountedFromAmount = variant.discountedFromAmount();
		draft.recurringInterval = variant.recurringInterval();
		draft.intervalCount = variant.intervalCount();
		draft.trialPeriodDays = variant.trialPeriodDays();
		draft.revokeAfterDays = variant.revokeAfterDays();
		draft.seatQuantity = variant.seatQuantity();
		draft.quantityAvailable = variant.quantityAvailable();
		draft.waitlist = variant.waitlist();
		draft.hidden = variant.hidden();
		draft.archived = variant.archived();
		draft.position = variant.position();
		draft.benefits = variant.benefits();
		return draft;
	}

	/** Applies the request's fields and records every problem found. */
	void apply(Fields fields) {
		Errors errors = fields.errors();
		if (fields.has("name")) {
			String value = fields.string("name");
			this.name = (value != null) ? value.trim() : null;
		}
		if (!errors.has("name")) {
			if (this.name == null || this.name.isEmpty()) {
				errors.add("name", "can't be blank");
			}
			else if (this.name.length() > 100) {
				errors.add("name", "is too long (maximum is 100 characters)");
			}
		}
		if (fields.has("billingType")) {
			String value = fields.string("billingType");
			// the later reference calls recurring billing "subscription"
			value = "subscription".equals(value) ? PriceVariant.RECURRING : value;
			if (value == null || !BILLING_TYPES.contains(value)) {
				errors.add("billingType", "is not included in the list");
			}
			else {
				this.billingType = value;
			}
		}
		if (fields.has("amountType")) {
			String value = fields.string("amountType");
			if (value == null || !AMOUNT_TYPES.contains(value)) {
				errors.add("amountType", "is not included in the list");
			}
			else {
				this.amountType = value;
			}
		}
		if (fields.has("currency")) {
			String value = fields.string("currency");
			this.currency = (value != null) ? value.trim().toUpperCase(Locale.ROOT) : null;
		}
		if (!errors.has("currency")) {
			if (this.currency == null || this.currency.isEmpty()) {
				errors.add("currency", "can't be blank");
			}
			else if (!isCurrency(this.currency)) {
				errors.add("currency", "is not a valid ISO 4217 currency code");
			}
		}
		applyAmounts(fields, errors);
		applyRecurring(fields, errors);
		if (fields.has("revokeAfterDays")) {
			this.revokeAfterDays = integer(fields, "revokeAfterDays", 1, 36_500);
		}
		if (fields.has("seatQuantity")) {
			this.seatQuantity = integer(fields, "seatQuantity", 1, 10_000);
		}
		if (fields.has("quantityAvailable")) {
			this.quantityAvailable = integer(fields, "quantityAvailable", 0, 1_000_000_000);
			this.stockSet = true;
		}
		if (fields.has("waitlist")) {
			this.waitlist = bool(fields, "waitlist", this.waitlist);
		}
		if (fields.has("hidden")) {
			this.hidden = bool(fields, "hidden", this.hidden);
		}
		if (fields.has("archived")) {
			this.archived = bool(fields, "archived", this.archived);
		}
		if (fields.has("position")) {
			Integer value = integer(fields, "position", 0, 1_000_000);
			if (value != null) {
				this.position = value;
			}
		}
		if (fields.has("benefits")) {
			this.benefits = benefits(fields, errors);
		}
		if (fields.has("experienceIds")) {
			this.experiences = experiences(fields, errors);
		}
	}

	private void applyAmounts(Fields fields, Errors errors) {
		boolean amountGiven = fields.has("amount") && !fields.isNull("amount");
		if (fields.has("amount")) {
			this.amount = amount(fields, "amount");
		}
		boolean presetGiven = given(fields, "presetAmount");
		boolean minimumGiven = given(fields, "minimumAmount");
		boolean maximumGiven = given(fields, "maximumAmount");
		boolean discountedGiven = given(fields, "discountedFromAmount");
		if (fields.has("presetAmount")) {
			this.presetAmount = amount(fields, "presetAmount");
		}
		if (fields.has("minimumAmount")) {
			this.minimumAmount = amount(fields, "minimumAmount");
		}
		if (fields.has("maximumAmount")) {
			this.maximumAmount = amount(fields, "maximumAmount");
		}
		if (fields.has("discountedFromAmount")) {
			this.discountedFromAmount = amount(fields, "discountedFromAmount");
		}
		boolean free = PriceVariant.FREE.equals(this.billingType);
		boolean payWhatYouWant = PriceVariant.PAY_WHAT_YOU_WANT.equals(this.amountType);
		if (free) {
			if (payWhatYouWant) {
				errors.add("amountType", "must be fixed for a free price variant");
			}
			if (amountGiven && this.amount != null && this.amount != 0) {
				errors.add("amount", "must be 0 for a free price variant");
			}
			this.amount = 0L;
		}
		if (payWhatYouWant && !free) {
			if (this.presetAmount == null && !errors.has("presetAmount")) {
				errors.add("presetAmount", "can't be blank");
			}
			if (this.minimumAmount != null && this.maximumAmount != null && this.minimumAmount >= this.maximumAmount
					&& !errors.has("maximumAmount")) {
				errors.add("maximumAmount", "must be greater than minimum amount");
			}
			if (this.presetAmount != null && this.minimumAmount != null && this.presetAmount < this.minimumAmount) {
				errors.add("presetAmount", "must be greater than or equal to minimum amount");
			}
			if (this.presetAmount != null && this.maximumAmount != null && this.presetAmount > this.maximumAmount) {
				errors.add("presetAmount", "must be less than or equal to maximum amount");
			}
			if (discountedGiven) {
				errors.add("discountedFromAmount", "can only be set on fixed-amount price variants");
			}
			this.discountedFromAmount = null;
			if (this.amount == null && !amountGiven) {
				// the advertised price of a pay-what-you-want variant is its floor
				this.amount = (this.minimumAmount != null) ? this.minimumAmount : 0L;
			}
		}
		else {
			refuse(errors, presetGiven, "presetAmount");
			refuse(errors, minimumGiven, "minimumAmount");
			refuse(errors, maximumGiven, "maximumAmount");
			this.presetAmount = null;
			this.minimumAmount = null;
			this.maximumAmount = null;
		}
		if (this.amount == null && !errors.has("amount")) {
			errors.add("amount", "can't be blank");
		}
		if (this.discountedFromAmount != null && this.amount != null && this.discountedFromAmount <= this.amount
				&& !errors.has("discountedFromAmount")) {
			errors.add("discountedFromAmount", "must be greater than amount");
		}
	}

	private static void refuse(Errors errors, boolean given, String field) {
		if (given && !errors.has(field)) {
			errors.add(field, "can only be set on pay-what-you-want price variants");
		}
	}

	private void applyRecurring(Fields fields, Errors errors) {
		boolean intervalGiven = given(fields, "recurringInterval");
		boolean countGiven = given(fields, "intervalCount");
		boolean trialGiven = given(fields, "trialPeriodDays");
		if (fields.has("recurringInterval")) {
			String value = fields.string("recurringInterval");
			if (value != null && !INTERVALS.contains(value)) {
				errors.add("recurringInterval", "is not included in the list");
			}
			this.recurringInterval = value;
		}
		if (fields.has("intervalCount")) {
			this.intervalCount = integer(fields, "intervalCount", 1, 365);
		}
		if (fields.has("trialPeriodDays")) {
			this.trialPeriodDays = integer(fields, "trialPeriodDays", 0, 730);
		}
		if (PriceVariant.RECURRING.equals(this.billingType)) {
			if (this.recurringInterval == null && !errors.has("recurringInterval")) {
				errors.add("recurringInterval", "can't be blank");
			}
			if (this.intervalCount == null && !errors.has("intervalCount")) {
				this.intervalCount = 1;
			}
			return;
		}
		// a variant that stops being recurring drops its schedule; a request that sets
		// one is refused
		if (intervalGiven) {
			errors.add("recurringInterval", "can only be set on recurring price variants");
		}
		if (countGiven) {
			errors.add("intervalCount", "can only be set on recurring price variants");
		}
		if (trialGiven && this.trialPeriodDays != null && this.trialPeriodDays > 0) {
			errors.add("trialPeriodDays", "can only be set on recurring price variants");
		}
		this.recurringInterval = null;
		this.intervalCount = null;
		this.trialPeriodDays = null;
	}

	private static @Nullable List<String> benefits(Fields fields, Errors errors) {
		List<String> values = fields.strings("benefits");
		if (values == null) {
			return null;
		}
		List<String> result = new ArrayList<>();
		for (String value : values) {
			if (value.isBlank()) {
				continue;
			}
			if (value.trim().length() > 200) {
				errors.add("benefits", "has an item that is too long (maximum is 200 characters)");
			}
			result.add(value.trim());
		}
		if (result.size() > MAX_BENEFITS) {
			errors.add("benefits", "is too long (maximum is " + MAX_BENEFITS + " items)");
		}
		return result;
	}

	private static List<PriceVariant.Experience> experiences(Fields fields, Errors errors) {
		List<Ref> refs = fields.refs("experienceIds");
		Set<PriceVariant.Experience> result = new LinkedHashSet<>();
		if (refs == null) {
			return new ArrayList<>();
		}
		for (Ref ref : refs) {
			if (ref.id() != null && ref.id() > 0) {
				result.add(new PriceVariant.Experience(ref.id(), null));
			}
			else if (ref.prefixId() != null && ref.prefixId().matches("exp_[0-9A-Za-z]{1,36}")) {
				result.add(new PriceVariant.Experience(null, ref.prefixId()));
			}
			else {
				errors.add("experienceIds", "contains an invalid experience id");
				break;
			}
		}
		if (result.size() > 100) {
			errors.add("experienceIds", "is too long (maximum is 100 items)");
		}
		return new ArrayList<>(result);
	}

	private static boolean given(Fields fields, String field) {
		return fields.has(field) && !fields.isNull(field);
	}

	private static @Nullable Long amount(Fields fields, String field) {
		Long value = fields.integer(field);
		if (value == null) {
			return null;
		}
		if (value < 0) {
			fields.errors().add(field, "must be greater than or equal to 0");
			return null;
		}
		if (value > MAX_AMOUNT) {
			fields.errors().add(field, "must be less than or equal to " + MAX_AMOUNT);
			return null;
		}
		return value;
	}

	private static @Nullable Integer integer(Fields fields, String field, int min, int max) {
		Long value = fields.integer(field);
		if (value == null) {
			return null;
		}
		if (value < min) {
			fields.errors().add(field, "must be greater than or equal to " + min);
			return null;
		}
		if (value > max) {
			fields.errors().add(field, "must be less than or equal to " + max);
			return null;
		}
		return value.intValue();
	}

	private static boolean bool(Fields fields, String field, boolean current) {
		if (fields.isNull(field)) {
			fields.errors().add(field, "must be true or false");
			return current;
		}
		Boolean value = fields.bool(field);
		return (value != null) ? value : current;
	}

	private static boolean isCurrency(String code) {
		if (!code.matches("[A-Z]{3}")) {
			return false;
		}
		try {
			Currency.getInstance(code);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
