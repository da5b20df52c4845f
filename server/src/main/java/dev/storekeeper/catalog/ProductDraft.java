package dev.storekeeper.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.platform.web.Errors;
import dev.storekeeper.platform.web.Fields;

/**
 * A product's editable fields while a create or update is checked: the stored values (or
 * defaults) with the request's fields applied over them.
 */
final class ProductDraft {

	static final Set<String> STATUSES = Set.of(Product.DRAFT, Product.ACTIVE, Product.ARCHIVED);

	static final Set<String> SOURCE_TYPES = Set.of("url", "embed");

	static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

	static final Pattern HTTP_URL = Pattern.compile("https?://\\S+");

	static final int MAX_MEDIA_ITEMS = 20;

	static final String DEFAULT_CTA = "Get Started";

	/** The product types (Sellvy's {@code type}, Crevio's {@code productType}). */
	static final List<String> TYPES = List.of("digital_download", "course", "membership", "subscription", "service",
			"other");

	String productType = "digital_download";

	@Nullable Long categoryId;

	/**
	 * The category the request names, to be resolved against the caller's; null if none.
	 */
	@Nullable String categoryRef;

	/**
	 * Whether the request sets the category (to {@link #categoryRef}, or none when null).
	 */
	boolean categoryGiven;

	@Nullable String name;

	@Nullable String slug;

	/** Whether the slug is to be made from the name. */
	boolean generateSlug;

	String status = Product.DRAFT;

	@Nullable String description;

	@Nullable String bodyHtml;

	String buttonCta = DEFAULT_CTA;

	@Nullable String seoTitle;

	@Nullable String seoDescription;

	@Nullable String seoKeywords;

	/** The new media items, or null when the request leaves them as they are. */
	@Nullable List<Media> media;

	static ProductDraft fresh() {
		ProductDraft draft = new ProductDraft();
		draft.generateSlug = true;
		return draft;
	}

	static ProductDraft of(Product product) {
		ProductDraft draft = new ProductDraft();
		draft.name = product.name();
		draft.slug = product.slug();
		draft.status = product.status();
		draft.description = product.description();
		draft.bodyHtml = product.bodyHtml();
		draft.buttonCta = product.buttonCta();
		draft.seoTitle = product.seoTitle();
		draft.seoDescription = product.seoDescription();
		draft.seoKeywords = product.seoKeywords();
		draft.productType = product.productType();
		draft.categoryId = product.categoryId();
		return draft;
	}

	/** Applies the request's fields and records every problem found in {@code errors}. */
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
		if (fields.has("status")) {
			String value = fields.string("status");
			if (value == null || !STATUSES.contains(value)) {
				errors.add("status", "is not included in the list");
			}
			else {
				this.status = value;
			}
		}
		if (fields.has("slug")) {
			String value = fields.string("slug");
			if (value == null || value.isBlank()) {
				this.generateSlug = true;
			}
			else if (!SLUG.matcher(value.trim()).matches()) {
				errors.add("slug", "is invalid (use lower-case letters, digits and single hyphens)");
			}
			else if (value.trim().length() > 100) {
				errors.add("slug", "is too long (maximum is 100 characters)");
			}
			else {
				this.slug = value.trim();
				this.generateSlug = false;
			}
		}
		if (fields.has("description")) {
			this.description = fields.string("description");
			checkLength(errors, "description", this.description, 5000);
		}
		if (fields.has("bodyHtml")) {
			this.bodyHtml = fields.string("bodyHtml");
			checkLength(errors, "bodyHtml", this.bodyHtml, 200_000);
		}
		if (fields.has("buttonCta")) {
			String value = fields.string("buttonCta");
			this.buttonCta = (value == null || value.isBlank()) ? DEFAULT_CTA : value.trim();
			checkLength(errors, "buttonCta", this.buttonCta, 100);
		}
		if (fields.has("seo")) {
			Fields seo = fields.object("seo");
			if (seo != null) {
				applySeo(seo, errors);
			}
			else if (fields.isNull("seo")) {
				this.seoTitle = null;
				this.seoDescription = null;
				this.seoKeywords = null;
			}
		}
		if (fields.has("mediaItems")) {
			this.media = media(fields, errors);
		}
		if (fields.has("productType")) {
			String value = fields.string("productType");
			if (value == null || !TYPES.contains(value)) {
				errors.add("productType", "is not included in the list");
			}
			else {
				this.productType = value;
			}
		}
		if (fields.has("categoryId")) {
			this.categoryGiven = true;
			String value = fields.isNull("categoryId") ? null : fields.string("categoryId");
			this.categoryRef = (value == null || value.isBlank()) ? null : value.trim();
		}
	}

	private void applySeo(Fields seo, Errors errors) {
		if (seo.has("title")) {
			this.seoTitle = blankToNull(seo.string("title"));
			checkLength(errors, seo.key("title"), this.seoTitle, 60);
		}
		if (seo.has("description")) {
			this.seoDescription = blankToNull(seo.string("description"));
			checkLength(errors, seo.key("description"), this.seoDescription, 160);
		}
		if (seo.has("keywords")) {
			this.seoKeywords = blankToNull(seo.string("keywords"));
			checkLength(errors, seo.key("keywords"), this.seoKeywords, 255);
		}
	}

	private static List<Media> media(Fields fields, Errors errors) {
		List<Fields> items = fields.objects("mediaItems");
		List<Media> result = new ArrayList<>();
		if (items == null) {
			return result;
		}
		if (items.size() > MAX_MEDIA_ITEMS) {
			errors.add("mediaItems", "is too long (maximum is " + MAX_MEDIA_ITEMS + " items)");
			return result;
		}
		for (Fields item : items) {
			String sourceType = item.string("sourceType");
			String url = blankToNull(item.string("url"));
			String embedHtml = blankToNull(item.string("embedHtml"));
			String provider = blankToNull(item.string("provider"));
			String contentType = blankToNull(item.string("contentType"));
			if (sourceType == null || sourceType.isBlank()) {
				errors.add(item.key("sourceType"), "can't be blank");
			}
			else if (!SOURCE_TYPES.contains(sourceType)) {
				errors.add(item.key("sourceType"), "is not included in the list");
			}
			if ("url".equals(sourceType) && url == null) {
				errors.add(item.key("url"), "can't be blank");
			}
			if (url != null && (!HTTP_URL.matcher(url).matches() || url.length() > 2000)) {
				errors.add(item.key("url"), "is invalid");
			}
			if ("embed".equals(sourceType) && embedHtml == null) {
				errors.add(item.key("embedHtml"), "can't be blank");
			}
			checkLength(errors, item.key("embedHtml"), embedHtml, 20_000);
			checkLength(errors, item.key("provider"), provider, 50);
			checkLength(errors, item.key("contentType"), contentType, 100);
			if (contentType == null) {
				contentType = "embed".equals(sourceType) ? "video" : "image";
			}
			result.add(new Media((sourceType != null) ? sourceType : "", url, provider, contentType, embedHtml));
		}
		return result;
	}

	private static void checkLength(Errors errors, String field, @Nullable String value, int max) {
		if (value != null && value.length() > max) {
			errors.add(field, "is too long (maximum is " + max + " characters)");
		}
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

	/** A media item as a request gives it. */
	record Media(String sourceType, @Nullable String url, @Nullable String provider, String contentType,
			@Nullable String embedHtml) {
	}

}
