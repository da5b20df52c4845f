package dev.storekeeper.catalog;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.storekeeper.support.Http;
import dev.storekeeper.support.Http.Response;

import static org.assertj.core.api.Assertions.assertThat;

class PriceVariantApiTests extends CatalogApiTest {

	private Http client;

	private String productId;

	private Http client() {
		if (this.client == null) {
			this.client = this.http.as(this.sellers.create().test());
			this.productId = product(this.client).at("/prefixId");
		}
		return this.client;
	}

	private Response create(String fields) {
		client();
		return this.client.post("/v1/price_variants",
				"{\"price_variant\":{\"product_id\":\"" + this.productId + "\",\"name\":\"V\"" + fields + "}}");
	}

	private static Map<String, List<String>> details(String field, String message) {
		return Map.of(field, List.of(message));
	}

	@Test
	void createsAOneTimeFixedVariantWithDefaults() {
		Response created = create(",\"amount\":1900,\"currency\":\"usd\"");
		assertThat(created.status()).isEqualTo(201);
		String id = created.at("/prefixId");
		assertThat(id).startsWith("pv_");
		assertThat(created.header("Location")).isEqualTo("/v1/price_variants/" + id);
		assertThat(created.at("/currency")).isEqualTo("USD");
		assertThat(created.at("/billingType")).isEqualTo("one_time");
		assertThat(created.at("/amountType")).isEqualTo("fixed");
		assertThat(created.at("/position")).isEqualTo("1");
		assertThat(created.at("/isDefault")).isEqualTo("true");
		assertThat(created.at("/isPayWhatYouWant")).isEqualTo("false");
		assertThat(created.at("/hasFreeTrial")).isEqualTo("false");
		assertThat(created.at("/isQuantityLimited")).isEqualTo("false");
		assertThat(created.at("/hidden")).isEqualTo("false");
		assertThat(created.at("/waitlist")).isEqualTo("false");
		assertThat(created.json().get("benefits").isNull()).isTrue();
		assertThat(created.json().get("experienceIds").size()).isZero();
		assertThat(this.client.get("/v1/price_variants/" + id).json()).isEqualTo(created.json());
		assertThat(create(",\"amount\":1,\"currency\":\"EUR\"").at("/position")).isEqualTo("2");
	}

	@Test
	void requiresNameCurrencyAmountAndTheCallersProduct() {
		client();
		Response blank = this.client.post("/v1/price_variants", "{\"priceVariant\":{\"amount\":\"abc\"}}");
		assertInvalid(blank,
				"Product can't be blank, Name can't be blank, Currency can't be blank, Amount is not a number",
				Map.of("amount", List.of("is not a number"), "productId", List.of("can't be blank"), "name",
						List.of("can't be blank"), "currency", List.of("can't be blank")));
		assertInvalid(create(",\"currency\":\"usd\""), "Amount can't be blank", details("amount", "can't be blank"));
		assertInvalid(create(",\"amount\":1,\"currency\":\"xyz\""), "Currency is not a valid ISO 4217 currency code",
				details("currency", "is not a valid ISO 4217 currency code"));
		String foreign = product(this.http.as(this.sellers.create().test())).at("/prefixId");
		assertInvalid(
				this.client.post("/v1/price_variants",
						"{\"productId\":\"" + foreign + "\",\"name\":\"V\",\"amount\":1,\"currency\":\"USD\"}"),
				"Product must exist", details("productId", "must exist"));
		String integerId = this.client.get("/v1/products/" + this.productId).at("/id");
		assertThat(this.client
			.post("/v1/price_variants",
					"{\"productId\":" + integerId + ",\"name\":\"V\",\"amount\":1,\"currency\":\"USD\"}")
			.status()).isEqualTo(201);
	}

	@Test
	void amountsStayWithinRange() {
		assertThat(create(",\"amount\":99999999,\"currency\":\"USD\"").at("/amount")).isEqualTo("99999999");
		assertThat(create(",\"amount\":0,\"currency\":\"USD\"").at("/amount")).isEqualTo("0");
		assertInvalid(create(",\"amount\":100000000,\"currency\":\"USD\""),
				"Amount must be less than or equal to 99999999",
				details("amount", "must be less than or equal to 99999999"));
		assertInvalid(create(",\"amount\":-1,\"currency\":\"USD\""), "Amount must be greater than or equal to 0",
				details("amount", "must be greater than or equal to 0"));
		assertInvalid(create(",\"amount\":1.5,\"currency\":\"USD\""), "Amount must be an integer",
				details("amount", "must be an integer"));
	}

	@Test
	void billingTypesAndFreeVariants() {
		Response free = create(",\"billingType\":\"free\",\"currency\":\"USD\"");
		assertThat(free.status()).isEqualTo(201);
		assertThat(free.at("/amount")).isEqualTo("0");
		assertThat(free.at("/billingType")).isEqualTo("free");
		assertInvalid(create(",\"billingType\":\"free\",\"amount\":500,\"currency\":\"USD\""),
				"Amount must be 0 for a free price variant", details("amount", "must be 0 for a free price variant"));
		assertInvalid(
				create(",\"billingType\":\"free\",\"amountType\":\"pay_what_you_want\",\"presetAmount\":5,"
						+ "\"currency\":\"USD\""),
				"Amount type must be fixed for a free price variant, "
						+ "Preset amount can only be set on pay-what-you-want price variants",
				Map.of("amountType", List.of("must be fixed for a free price variant"), "presetAmount",
						List.of("can only be set on pay-what-you-want price variants")));
		assertInvalid(create(",\"billingType\":\"weekly\",\"amount\":1,\"currency\":\"USD\""),
				"Billing type is not included in the list", details("billingType", "is not included in the list"));
		assertInvalid(create(",\"amountType\":\"auction\",\"amount\":1,\"currency\":\"USD\""),
				"Amount type is not included in the list", details("amountType", "is not included in the list"));
	}

	@Test
	void payWhatYouWantRanges() {
		Response ok = create(",\"amountType\":\"pay_what_you_want\",\"presetAmount\":1500,\"minimumAmount\":500,"
				+ "\"maximumAmount\":5000,\"currency\":\"USD\"");
		assertThat(ok.status()).as(ok.toString()).isEqualTo(201);
		assertThat(ok.at("/isPayWhatYouWant")).isEqualTo("true");
		assertThat(ok.at("/amount")).isEqualTo("500");
		assertThat(ok.at("/presetAmount")).isEqualTo("1500");
		assertThat(create(",\"amountType\":\"pay_what_you_want\",\"presetAmount\":0,\"currency\":\"USD\"").status())
			.isEqualTo(201);

		assertInvalid(create(",\"amountType\":\"pay_what_you_want\",\"currency\":\"USD\""),
				"Preset amount can't be blank", details("presetAmount", "can't be blank"));
		assertInvalid(
				create(",\"amountType\":\"pay_what_you_want\",\"presetAmount\":700,\"minimumAmount\":700,"
						+ "\"maximumAmount\":700,\"currency\":\"USD\""),
				"Maximum amount must be greater than minimum amount",
				details("maximumAmount", "must be greater than minimum amount"));
		assertInvalid(
				create(",\"amountType\":\"pay_what_you_want\",\"presetAmount\":100,\"minimumAmount\":500,"
						+ "\"currency\":\"USD\""),
				"Preset amount must be greater than or equal to minimum amount",
				details("presetAmount", "must be greater than or equal to minimum amount"));
		assertInvalid(
				create(",\"amountType\":\"pay_what_you_want\",\"presetAmount\":9000,\"maximumAmount\":5000,"
						+ "\"currency\":\"USD\""),
				"Preset amount must be less than or equal to maximum amount",
				details("presetAmount", "must be less than or equal to maximum amount"));
		assertInvalid(create(",\"amount\":100,\"minimumAmount\":50,\"currency\":\"USD\""),
				"Minimum amount can only be set on pay-what-you-want price variants",
				details("minimumAmount", "can only be set on pay-what-you-want price variants"));
	}

	@Test
	void compareAtPriceIsAboveTheAmountOnFixedVariants() {
		assertThat(create(",\"amount\":1900,\"discountedFromAmount\":2900,\"currency\":\"USD\"")
			.at("/discountedFromAmount")).isEqualTo("2900");
		assertInvalid(create(",\"amount\":1900,\"discountedFromAmount\":1900,\"currency\":\"USD\""),
				"Discounted from amount must be greater than amount",
				details("discountedFromAmount", "must be greater than amount"));
		assertInvalid(
				create(",\"amountType\":\"pay_what_you_want\",\"presetAmount\":100,\"discountedFromAmount\":2900,"
						+ "\"currency\":\"USD\""),
				"Discounted from amount can only be set on fixed-amount price variants",
				details("discountedFromAmount", "can only be set on fixed-amount price variants"));
	}

	@Test
	void recurringNeedsAnIntervalAndOnlyItHasTrials() {
		Response monthly = create(",\"billingType\":\"recurring\",\"amount\":900,\"currency\":\"USD\","
				+ "\"recurringInterval\":\"month\",\"trialPeriodDays\":14");
		assertThat(monthly.status()).isEqualTo(201);
		assertThat(monthly.at("/intervalCount")).isEqualTo("1");
		assertThat(monthly.at("/hasFreeTrial")).isEqualTo("true");
		assertThat(create(",\"billingType\":\"subscription\",\"amount\":900,\"currency\":\"USD\","
				+ "\"recurringInterval\":\"year\",\"intervalCount\":2")
			.at("/billingType")).isEqualTo("recurring");

		assertInvalid(create(",\"billingType\":\"recurring\",\"amount\":900,\"currency\":\"USD\""),
				"Recurring interval can't be blank", details("recurringInterval", "can't be blank"));
		assertInvalid(
				create(",\"billingType\":\"recurring\",\"amount\":900,\"currency\":\"USD\","
						+ "\"recurringInterval\":\"fortnight\",\"intervalCount\":0"),
				"Recurring interval is not included in the list, Interval count must be greater than or equal to 1",
				Map.of("recurringInterval", List.of("is not included in the list"), "intervalCount",
						List.of("must be greater than or equal to 1")));
		assertInvalid(create(",\"amount\":900,\"currency\":\"USD\",\"trialPeriodDays\":7"),
				"Trial period days can only be set on recurring price variants",
				details("trialPeriodDays", "can only be set on recurring price variants"));
		assertInvalid(create(",\"amount\":900,\"currency\":\"USD\",\"recurringInterval\":\"month\""),
				"Recurring interval can only be set on recurring price variants",
				details("recurringInterval", "can only be set on recurring price variants"));

		// turning a subscription into a one-time price drops its schedule
		Response oneTime = this.client.patch("/v1/price_variants/" + monthly.at("/prefixId"),
				"{\"billingType\":\"one_time\"}");
		assertThat(oneTime.status()).isEqualTo(200);
		assertThat(oneTime.json().get("recurringInterval").isNull()).isTrue();
		assertThat(oneTime.json().get("trialPeriodDays").isNull()).isTrue();
		assertThat(oneTime.at("/hasFreeTrial")).isEqualTo("false");
	}

	@Test
	void seatsStockWaitlistHiddenBenefitsAndExperiences() {
		Response course = experience(client(), "Course");
		Response guide = experience(client(), "Guide");
		Response unknown = create(",\"amount\":900,\"currency\":\"USD\",\"experienceIds\":[\"exp_abc123\"]");
		assertThat(unknown.status()).isEqualTo(422);
		assertThat(unknown.at("/error/message")).isEqualTo("Experience ids contains an unknown experience");
		Response otherAccounts = create(",\"amount\":900,\"currency\":\"USD\",\"experienceIds\":[\""
				+ experience(this.http.as(this.sellers.create().test()), "Theirs").at("/prefixId") + "\"]");
		assertThat(otherAccounts.status()).isEqualTo(422);
		Response full = create(",\"amount\":900,\"currency\":\"USD\",\"seatQuantity\":5,\"quantityAvailable\":30,"
				+ "\"waitlist\":true,\"hidden\":true,\"revokeAfterDays\":365,\"benefits\":[\"Lifetime\",\"Support\"],"
				+ "\"experienceIds\":[\"" + course.at("/prefixId") + "\"," + guide.at("/id") + "]");
		assertThat(full.status()).isEqualTo(201);
		assertThat(full.at("/seatQuantity")).isEqualTo("5");
		assertThat(full.at("/quantityAvailable")).isEqualTo("30");
		assertThat(full.at("/isQuantityLimited")).isEqualTo("true");
		assertThat(full.at("/waitlist")).isEqualTo("true");
		assertThat(full.at("/hidden")).isEqualTo("true");
		assertThat(full.at("/revokeAfterDays")).isEqualTo("365");
		assertThat(full.at("/benefits/1")).isEqualTo("Support");
		assertThat(full.json().get("experienceIds").valueStream().map((node) -> node.asString()))
			.containsExactly(course.at("/prefixId"), guide.at("/prefixId"));

		String id = full.at("/prefixId");
		Response unlimited = this.client.patch("/v1/price_variants/" + id,
				"{\"quantityAvailable\":null,\"experienceIds\":[],\"benefits\":null}");
		assertThat(unlimited.at("/isQuantityLimited")).isEqualTo("false");
		assertThat(unlimited.json().get("experienceIds").size()).isZero();
		assertThat(unlimited.json().get("benefits").isNull()).isTrue();

		assertInvalid(create(",\"amount\":1,\"currency\":\"USD\",\"seatQuantity\":0"),
				"Seat quantity must be greater than or equal to 1",
				details("seatQuantity", "must be greater than or equal to 1"));
		assertInvalid(create(",\"amount\":1,\"currency\":\"USD\",\"quantityAvailable\":-1"),
				"Quantity available must be greater than or equal to 0",
				details("quantityAvailable", "must be greater than or equal to 0"));
		assertInvalid(create(",\"amount\":1,\"currency\":\"USD\",\"revokeAfterDays\":0"),
				"Revoke after days must be greater than or equal to 1",
				details("revokeAfterDays", "must be greater than or equal to 1"));
		assertInvalid(create(",\"amount\":1,\"currency\":\"USD\",\"experienceIds\":[\"prod_x\"]"),
				"Experience ids contains an invalid experience id",
				details("experienceIds", "contains an invalid experience id"));
		StringBuilder many = new StringBuilder("\"b0\"");
		for (int i = 1; i <= 20; i++) {
			many.append(",\"b").append(i).append('"');
		}
		assertInvalid(create(",\"amount\":1,\"currency\":\"USD\",\"benefits\":[" + many + "]"),
				"Benefits is too long (maximum is 20 items)", details("benefits", "is too long (maximum is 20 items)"));
		assertInvalid(create(",\"amount\":1,\"currency\":\"USD\",\"hidden\":\"maybe\""), "Hidden must be true or false",
				details("hidden", "must be true or false"));
	}

	@Test
	void anActiveProductKeepsALiveVariantAndSoldVariantsAreArchivedNotDeleted() {
		Http client = this.http.as(this.sellers.create().test());
		Response product = activeProduct(client, "Kept");
		String only = product.at("/priceVariants/0/prefixId");
		assertInvalid(client.patch("/v1/price_variants/" + only, "{\"archived\":true}"),
				"Archived can't be true while the product is active and has no other price variant that is not "
						+ "archived",
				details("archived",
						"can't be true while the product is active and has no other price variant that is not archived"));
		Response refused = client.delete("/v1/price_variants/" + only);
		assertInvalid(refused,
				"Price variant cannot be deleted while its product is active and has no other price variant that is "
						+ "not archived",
				details("base", "Price variant cannot be deleted while its product is active and has no other price "
						+ "variant that is not archived"));

		String second = variant(client, product.at("/prefixId")).at("/prefixId");
		Response archived = client.patch("/v1/price_variants/" + only, "{\"archived\":true}");
		assertThat(archived.at("/archived")).isEqualTo("true");
		assertThat(archived.at("/isDefault")).isEqualTo("false");
		assertThat(client.get("/v1/price_variants/" + second).at("/isDefault")).isEqualTo("true");

		this.catalog.recordSale(client.get("/v1/price_variants/" + second).json().get("id").asLong());
		client.patch("/v1/price_variants/" + only, "{\"archived\":false}");
		assertInvalid(client.delete("/v1/price_variants/" + second),
				"Price variant cannot be deleted once it has orders; archive it instead",
				details("base", "Price variant cannot be deleted once it has orders; archive it instead"));
		assertThat(client.patch("/v1/price_variants/" + second, "{\"archived\":true}").status()).isEqualTo(200);

		String unsold = variant(client, product.at("/prefixId")).at("/prefixId");
		assertThat(client.delete("/v1/price_variants/" + unsold).status()).isEqualTo(200);
		assertThat(client.get("/v1/price_variants/" + unsold).at("/error/message"))
			.isEqualTo("Price variant not found");
	}

	@Test
	void listsByPositionAndFiltersByProduct() {
		Http client = this.http.as(this.sellers.create().test());
		String first = product(client).at("/prefixId");
		String other = product(client).at("/prefixId");
		String late = variant(client, first, ",\"position\":9").at("/prefixId");
		String early = variant(client, first, ",\"position\":3").at("/prefixId");
		String elsewhere = variant(client, other, ",\"position\":5").at("/prefixId");
		assertThat(client.get("/v1/price_variants")
			.json()
			.get("items")
			.valueStream()
			.map((v) -> v.get("prefixId").asString())).containsExactly(early, elsewhere, late);
		assertThat(client.get("/v1/price_variants?product_id=" + first)
			.json()
			.get("items")
			.valueStream()
			.map((v) -> v.get("prefixId").asString())).containsExactly(early, late);
		String integerId = client.get("/v1/products/" + other).at("/id");
		assertThat(client.get("/v1/price_variants?product_id=" + integerId).at("/pagination/count")).isEqualTo("1");
		assertThat(client.get("/v1/price_variants?product_id=prod_nope").status()).isEqualTo(404);
		assertThat(client.get("/v1/price_variants?product_id=prod_nope").at("/error/message"))
			.isEqualTo("Product not found");
		assertThat(client.get("/v1/price_variants?limit=1&page=2").at("/items/0/prefixId")).isEqualTo(elsewhere);
	}

}
