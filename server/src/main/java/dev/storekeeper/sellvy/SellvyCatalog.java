package dev.storekeeper.sellvy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.storekeeper.catalog.Categories;
import dev.storekeeper.catalog.Category;
import dev.storekeeper.catalog.PriceVariantJson;
import dev.storekeeper.catalog.PriceVariants;
import dev.storekeeper.catalog.ProductJson;
import dev.storekeeper.catalog.ProductQuery;
import dev.storekeeper.catalog.Products;
import dev.storekeeper.content.ExperienceContent;
import dev.storekeeper.content.Experiences;
import dev.storekeeper.orders.OrderBook;
import dev.storekeeper.platform.web.Caller;
import dev.storekeeper.platform.web.Errors;
import dev.storekeeper.platform.web.Fields;
import dev.storekeeper.platform.web.InvalidRecord;
import dev.storekeeper.platform.web.Page;
import dev.storekeeper.platform.web.PageQuery;
import dev.storekeeper.platform.web.Ref;

/**
 * Sellvy's products over the catalog: a Sellvy product is a Storekeeper product, its
 * default variant (price, currency, stock) and its status ({@code is_visible}), changed
 * in one transaction through the catalog's own services and rules.
 */
@Service
class SellvyCatalog {

	/** Storekeeper's field → Sellvy's, for validation errors. */
	static final Map<String, String> PRODUCT_FIELDS = Map.of("name", "title", "productType", "type", "categoryId",
			"category_id", "mediaItems", "images", "status", "is_visible", "amount", "price", "quantityAvailable",
			"stock", "currency", "currency", "description", "description", "content.url", "file_url");

	private final Products products;

	private final PriceVariants variants;

	private final Categories categories;

	private final OrderBook orders;

	private final JsonMapper json;

	private final Experiences experiences;

	SellvyCatalog(Products products, PriceVariants variants, Categories categories, OrderBook orders, JsonMapper json,
			Experiences experiences) {
		this.experiences = experiences;
		this.products = products;
		this.variants = variants;
		this.categories = categories;
		this.orders = orders;
		this.json = json;
	}

	@Transactional(readOnly = true)
	Page<Map<String, @Nullable Object>> list(Caller caller, ProductQuery query, PageQuery page) {
		Page<ProductJson> found = this.products.search(caller, query, page);
		List<Map<String, @Nullable Object>> items = render(caller, found.items());
		return new Page<>(items, found.pagination());
	}

	@Transactional(readOnly = true)
	Map<String, @Nullable Object> get(Caller caller, String key) {
		return render(caller, List.of(this.products.get(caller, key))).get(0);
	}

	List<Map<String, @Nullable Object>> render(Caller caller, List<ProductJson> products) {
		return render(caller.accountId(), caller.livemode(), products);
	}

	/** The products as Sellvy shows them, with their category and units sold. */
	List<Map<String, @Nullable Object>> render(long accountId, boolean livemode, List<ProductJson> products) {
		Map<Long, Long> sold = this.orders.unitsSold(accountId, livemode,
				products.stream().map(ProductJson::id).toList());
		Map<String, Category> categories = new HashMap<>();
		Map<String, String> links = links(accountId, livemode, products);
		List<Map<String, @Nullable Object>> result = new ArrayList<>();
		for (ProductJson product : products) {
			Category category = null;
			if (product.categoryId() != null) {
				category = categories.computeIfAbsent(product.categoryId(),
						(key) -> this.categories.find(accountId, livemode, key).orElse(null));
			}
			Map<String, @Nullable Object> rendered = SellvyWire.product(this.json.valueToTree(product), category,
					sold.getOrDefault(product.id(), 0L));
			if (!product.priceVariants().isEmpty()) {
				rendered.put("file_url",
						product.priceVariants()
							.get(0)
							.experienceIds()
							.stream()
							.map(links::get)
							.filter(java.util.Objects::nonNull)
							.findFirst()
							.orElse(null));
			}
			result.add(rendered);
		}
		return result;
	}

	/**
	 * The addresses of the link experiences the products' default variants grant, by the
	 * experience's reference as the variant shows it (prefixId, or integer id as text).
	 */
	private Map<String, String> links(long accountId, boolean livemode, List<ProductJson> products) {
		List<Ref> refs = products.stream()
			.filter((product) -> !product.priceVariants().isEmpty())
			.flatMap((product) -> product.priceVariants().get(0).experienceIds().stream())
			.distinct()
			.map(Ref::parse)
			.toList();
		if (refs.isEmpty()) {
			return Map.of();
		}
		List<Long> ids = new ArrayList<>();
		try {
			ids.addAll(this.experiences.resolve(accountId, livemode, refs));
		}
		catch (InvalidRecord ex) {
			// one of them is gone: the others one by one
			for (Ref ref : refs) {
				try {
					ids.addAll(this.experiences.resolve(accountId, livemode, List.of(ref)));
				}
				catch (InvalidRecord gone) {
					// not granted any more
				}
			}
		}
		Map<String, String> links = new HashMap<>();
		for (ExperienceContent content : this.experiences.contentFor(accountId, livemode, ids)) {
			if ("link".equals(content.itemType()) && content.url() != null) {
				links.put(content.prefixId(), content.url());
				links.put(String.valueOf(content.id()), content.url());
			}
		}
		return links;
	}

	@Transactional
	Map<String, @Nullable Object> create(Caller caller, ObjectNode body) {
		return SellvyRequest.renaming(PRODUCT_FIELDS, () -> {
			Errors errors = new Errors();
			for (String required : List.of("title", "type", "price")) {
				if (!body.hasNonNull(required)
						|| (body.get(required).isString() && body.get(required).asString().isBlank())) {
					errors.add(required, "can't be blank");
				}
			}
			Map<String, @Nullable Object> product = productFields(body, errors);
			Price price = price(body, errors, "USD");
			boolean visible = !body.has("is_visible") || body.get("is_visible").asBoolean(true);
			String fileUrl = fileUrl(body, errors);
			errors.throwIfAny();
			product.put("status", "draft");
			ProductJson created = this.products.create(caller, Fields.of(product));
			Map<String, @Nullable Object> variant = new LinkedHashMap<>();
			variant.put("productId", created.prefixId());
			variant.put("name", "Standard");
			variant.put("amount", price.amount());
			variant.put("currency", price.currency());
			if (price.stockGiven()) {
				variant.put("quantityAvailable", price.stock());
			}
			if (fileUrl != null) {
				variant.put("experienceIds", List.of(this.experiences.createLink(caller, created.name(), fileUrl)));
			}
			this.variants.create(caller, Fields.of(variant));
			if (visible) {
				this.products.update(caller, created.prefixId(), Fields.of(Map.of("status", "active")));
			}
			return get(caller, created.prefixId());
		});
	}

	@Transactional
	Map<String, @Nullable Object> update(Caller caller, String key, ObjectNode body) {
		return SellvyRequest.renaming(PRODUCT_FIELDS, () -> {
			ProductJson current = this.products.get(caller, key);
			Errors errors = new Errors();
			if (body.has("title") && (!body.hasNonNull("title") || body.get("title").asString("").isBlank())) {
				errors.add("title", "can't be blank");
			}
			if (body.has("type") && !body.hasNonNull("type")) {
				errors.add("type", "can't be blank");
			}
			PriceVariantJson variant = current.priceVariants().isEmpty() ? null : current.priceVariants().get(0);
			Map<String, @Nullable Object> product = productFields(body, errors);
			Price price = price(body, errors, (variant != null) ? variant.currency() : "USD");
			if (body.has("is_visible")) {
				if (!body.get("is_visible").isBoolean()) {
					errors.add("is_visible", "must be true or false");
				}
				else if (body.get("is_visible").asBoolean() && variant == null && price.amount() == null) {
					errors.add("is_visible", "can't be true without a price");
				}
			}
			String fileUrl = fileUrl(body, errors);
			if (fileUrl != null && variant == null && price.amount() == null) {
				errors.add("file_url", "can't be set on a product without a price");
			}
			errors.throwIfAny();
			if (price.amount() != null || price.currencyGiven() || price.stockGiven()) {
				Map<String, @Nullable Object> fields = new LinkedHashMap<>();
				if (price.amount() != null) {
					fields.put("amount", price.amount());
				}
				if (price.currencyGiven()) {
					fields.put("currency", price.currency());
				}
				if (price.stockGiven()) {
					fields.put("quantityAvailable", price.stock());
				}
				if (variant != null) {
					this.variants.update(caller, variant.prefixId(), Fields.of(fields));
				}
				else {
					fields.put("productId", current.prefixId());
					fields.put("name", "Standard");
					fields.putIfAbsent("currency", price.currency());
					if (price.amount() == null) {
						throw Errors.of("price", "can't be blank");
					}
					this.variants.create(caller, Fields.of(fields));
				}
			}
			if (fileUrl != null) {
				link(caller, this.products.get(caller, current.prefixId()).priceVariants().get(0), current.name(),
						fileUrl);
			}
			if (body.has("is_visible")) {
				boolean visible = body.get("is_visible").asBoolean();
				if (visible) {
					product.put("status", "active");
				}
				else if ("active".equals(current.status())) {
					product.put("status", "draft");
				}
			}
			if (!product.isEmpty()) {
				this.products.update(caller, current.prefixId(), Fields.of(product));
			}
			return get(caller, current.prefixId());
		});
	}

	@Transactional
	void delete(Caller caller, String key) {
		SellvyRequest.renaming(PRODUCT_FIELDS, () -> {
			this.products.delete(caller, key);
			return null;
		});
	}

	/**
	 * Keeps the default variant's link experience at {@code url}: the one it grants is
	 * changed, or a new one is granted.
	 */
	private void link(Caller caller, PriceVariantJson variant, String name, String url) {
		Map<String, String> links = links(caller.accountId(), caller.livemode(),
				List.of(this.products.get(caller, String.valueOf(variant.productId()))));
		for (String granted : variant.experienceIds()) {
			if (links.containsKey(granted)) {
				this.experiences.relink(caller, granted, url);
				return;
			}
		}
		List<String> experiences = new ArrayList<>(variant.experienceIds());
		experiences.add(this.experiences.createLink(caller, name, url));
		this.variants.update(caller, variant.prefixId(), Fields.of(Map.of("experienceIds", experiences)));
	}

	private static @Nullable String fileUrl(ObjectNode body, Errors errors) {
		if (!body.hasNonNull("file_url")) {
			return null;
		}
		if (!body.get("file_url").isString() || body.get("file_url").asString().isBlank()) {
			errors.add("file_url", "must be an http or https URL");
			return null;
		}
		return body.get("file_url").asString().trim();
	}

	/** The product's own fields of a Sellvy body, in Storekeeper's names. */
	private Map<String, @Nullable Object> productFields(ObjectNode body, Errors errors) {
		Map<String, @Nullable Object> product = new LinkedHashMap<>();
		if (body.has("title")) {
			product.put("name", body.get("title").isString() ? body.get("title").asString() : null);
		}
		if (body.has("type")) {
			String type = body.get("type").asString("");
			if (!ProductQuery.TYPES.contains(type)) {
				errors.add("type", "is not included in the list");
			}
			product.put("productType", type);
		}
		if (body.has("description")) {
			product.put("description", body.get("description").isNull() ? null : body.get("description").asString());
		}
		if (body.has("category_id")) {
			product.put("categoryId", body.get("category_id").isNull() ? null : body.get("category_id").asString());
		}
		if (body.has("images")) {
			List<Object> media = new ArrayList<>();
			JsonNode images = body.get("images");
			if (images.isArray()) {
				for (JsonNode image : images) {
					media.add(Map.of("sourceType", "url", "url", image.asString("")));
				}
			}
			else if (!images.isNull()) {
				errors.add("images", "must be a list of URLs");
			}
			product.put("mediaItems", media);
		}
		return product;
	}

	/** The price, currency and stock a Sellvy body sets on the default variant. */
	private record Price(@Nullable Long amount, String currency, boolean currencyGiven, @Nullable Long stock,
			boolean stockGiven) {
	}

	private static Price price(ObjectNode body, Errors errors, String defaultCurrency) {
		String currency = defaultCurrency;
		boolean currencyGiven = body.hasNonNull("currency");
		if (currencyGiven) {
			currency = body.get("currency").asString("").toUpperCase(java.util.Locale.ROOT);
		}
		Long amount = null;
		if (body.hasNonNull("price")) {
			JsonNode price = body.get("price");
			if (!price.isNumber()) {
				errors.add("price", "is not a number");
			}
			else {
				BigDecimal value = price.decimalValue();
				amount = SellvyMoney.minor(value, currency, "price", errors);
			}
		}
		boolean stockGiven = body.has("stock");
		Long stock = null;
		if (stockGiven && !body.get("stock").isNull()) {
			JsonNode node = body.get("stock");
			if (!node.isIntegralNumber() || node.asLong() < 0) {
				errors.add("stock", "must be a whole number of 0 or more");
			}
			else {
				stock = node.asLong();
			}
		}
		return new Price(amount, currency, currencyGiven, stock, stockGiven);
	}

}
