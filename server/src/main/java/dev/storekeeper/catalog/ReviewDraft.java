package dev.storekeeper.catalog;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.platform.web.Errors;
import dev.storekeeper.platform.web.Fields;

/** A review's editable fields while a create or update is checked. */
final class ReviewDraft {

	int rating;

	private boolean hasRating;

	@Nullable String content;

	@Nullable String customerName;

	@Nullable Integer position;

	static ReviewDraft fresh() {
		return new ReviewDraft();
	}

	static ReviewDraft of(Review review) {
		ReviewDraft draft = new ReviewDraft();
		draft.rating = review.rating();
		draft.hasRating = true;
		draft.content = review.content();
		draft.customerName = review.customerName();
		draft.position = review.position();
		return draft;
	}

	/** Applies the request's fields and records every problem found. */
	void apply(Fields fields) {
		Errors errors = fields.errors();
		if (fields.has("rating")) {
			Long value = fields.integer("rating");
			this.hasRating = false;
			if (value != null && value < 1) {
				errors.add("rating", "must be greater than or equal to 1");
			}
			else if (value != null && value > 5) {
				errors.add("rating", "must be less than or equal to 5");
			}
			else if (value != null) {
				this.rating = value.intValue();
				this.hasRating = true;
			}
		}
		if (!this.hasRating && !errors.has("rating")) {
			errors.add("rating", "can't be blank");
		}
		if (fields.has("content")) {
			this.content = fields.string("content");
			if (this.content != null && this.content.length() > 10_000) {
				errors.add("content", "is too long (maximum is 10000 characters)");
			}
		}
		if (fields.has("customerName")) {
			String value = fields.string("customerName");
			this.customerName = (value == null || value.isBlank()) ? null : value.trim();
			if (this.customerName != null && this.customerName.length() > 100) {
				errors.add("customerName", "is too long (maximum is 100 characters)");
			}
		}
		if (fields.has("position") && !fields.isNull("position")) {
			Long value = fields.integer("position");
			if (value != null && (value < 0 || value > 1_000_000)) {
				errors.add("position", "must be between 0 and 1000000");
			}
			else if (value != null) {
				this.position = value.intValue();
			}
		}
	}

}
