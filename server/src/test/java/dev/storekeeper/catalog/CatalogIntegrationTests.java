package dev.storekeeper.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import dev.storekeeper.platform.web.InvalidRecord;
import dev.storekeeper.platform.web.Ref;
import dev.storekeeper.support.Http;
import dev.storekeeper.support.Http.Response;
import dev.storekeeper.support.Sellers.Seller;
import dev.storekeeper.support.SqlStatements.Counted;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What checkout and orders call on {@link Catalog}, inside their own transactions. */
class CatalogIntegrationTests extends CatalogApiTest {

	@Autowired
	private TransactionTemplate transactions;

	private <T> T inTransaction(Supplier<T> work) {
		return this.transactions.execute((status) -> work.get());
	}

	@Test
	void variantForSaleHasWhatACheckoutNeeds() {
		Seller seller = this.sellers.create();
		Http client = this.http.as(seller.test());
		Response product = activeProduct(client, "Sellable");
		Response first = experience(client, "First");
		Response second = experience(client, "Second");
		Response variant = variant(client, product.at("/prefixId"),
				",\"billingType\":\"recurring\",\"recurringInterval\":\"month\",\"intervalCount\":3,"
						+ "\"trialPeriodDays\":7,\"seatQuantity\":4,\"quantityAvailable\":9,\"revokeAfterDays\":30,"
						+ "\"experienceIds\":[" + first.at("/id") + ",\"" + second.at("/prefixId") + "\"]");
		long accountId = seller.account().id();
		VariantForSale byPrefix = inTransaction(
				() -> this.catalog.variantForSale(accountId, false, new Ref(null, variant.at("/prefixId"))))
			.orElseThrow();
		assertThat(byPrefix.id()).isEqualTo(variant.json().get("id").asLong());
		assertThat(byPrefix.productPrefixId()).isEqualTo(product.at("/prefixId"));
		assertThat(byPrefix.productName()).isEqualTo("Sellable");
		assertThat(byPrefix.productStatus()).isEqualTo("active");
		assertThat(byPrefix.amount()).isEqualTo(1900);
		assertThat(byPrefix.currency()).isEqualTo("USD");
		assertThat(byPrefix.recurring()).isTrue();
		assertThat(byPrefix.intervalCount()).isEqualTo(3);
		assertThat(byPrefix.trialPeriodDays()).isEqualTo(7);
		assertThat(byPrefix.seatQuantity()).isEqualTo(4);
		assertThat(byPrefix.quantityAvailable()).isEqualTo(9);
		assertThat(byPrefix.revokeAfterDays()).isEqualTo(30);
		assertThat(byPrefix.experienceIds()).containsExactly(first.json().get("id").asLong(),
				second.json().get("id").asLong());
		assertThat(byPrefix.purchasable()).isTrue();
		Optional<VariantForSale> byId = inTransaction(
				() -> this.catalog.variantForSale(accountId, false, new Ref(byPrefix.id(), null)));
		assertThat(byId).contains(byPrefix);

		Seller other = this.sellers.create();
		assertThat(inTransaction(
				() -> this.catalog.variantForSale(other.account().id(), false, new Ref(byPrefix.id(), null))))
			.isEmpty();
		assertThat(inTransaction(() -> this.catalog.variantForSale(accountId, true, new Ref(byPrefix.id(), null))))
			.isEmpty();
	}

	@Test
	void aVariantsSaleIsWrittenOnceAndNotRememberedFromATransactionUndone() {
		Seller seller = this.sellers.create();
		Http client = this.http.as(seller.test());
		Response product = activeProduct(client, "Sold once");
		long variantId = variant(client, product.at("/prefixId"), "").json().get("id").asLong();
		// marked in a transaction that is rolled back: not marked, and not taken as
		// marked
		this.transactions.executeWithoutResult((status) -> {
			this.catalog.recordSale(variantId);
			status.setRollbackOnly();
		});
		Counted<Object> first = this.sql.count(() -> inTransaction(() -> {
			this.catalog.recordSale(variantId);
			return null;
		}));
		assertThat(first.statements()).as("the variant and its product marked").isEqualTo(2);
		Counted<Object> again = this.sql.count(() -> inTransaction(() -> {
			this.catalog.recordSale(variantId);
			return null;
		}));
		assertThat(again.statements()).as("a variant known to be sold").isZero();
		assertThat(client.delete("/v1/products/" + product.at("/prefixId")).status()).isEqualTo(422);
	}

	@Test
	void variantsForSaleIsOneStatementForAnyNumber() {
		Seller seller = this.sellers.create();
		Http client = this.http.as(seller.test());
		String productId = product(client).at("/prefixId");
		List<Long> ids = new java.util.ArrayList<>();
		String experiences = experience(client, "One").at("/id") + "," + experience(client, "Two").at("/id");
		for (int i = 0; i < 3; i++) {
			ids.add(variant(client, productId, ",\"experienceIds\":[" + experiences + "]").json().get("id").asLong());
		}
		long foreign = activeProduct(this.http.as(this.sellers.create().test()), "Foreign").json()
			.at("/priceVariants/0/id")
			.asLong();
		List<Long> asked = new java.util.ArrayList<>(ids);
		asked.add(foreign);
		Counted<Map<Long, VariantForSale>> counted = this.sql
			.count(() -> this.catalog.variantsForSale(seller.account().id(), false, asked));
		assertThat(counted.result().keySet()).containsExactlyInAnyOrderElementsOf(ids);
		assertThat(counted.result().get(ids.get(0)).experienceIds()).containsExactly(1L, 2L);
		assertThat(counted.statements()).isEqualTo(1);
	}

	@Test
	void stockIsTakenOnlyWhenEnoughIsLeftAndLowStockIsRecordedOnce() {
		Seller seller = this.sellers.create();
		Http client = this.http.as(seller.test());
		Response product = activeProduct(client, "Limited");
		long limited = variant(client, product.at("/prefixId"), ",\"quantityAvailable\":20").json().get("id").asLong();
		long unlimited = product.json().at("/priceVariants/0/id").asLong();

		assertThat(inTransaction(() -> this.catalog.takeStock(limited, 17))).isTrue();
		assertThat(events(seller.account().id())).doesNotContain("product.low_stock");
		assertThat(inTransaction(() -> this.catalog.takeStock(limited, 4))).isFalse();
		assertThat(stock(client, limited)).isEqualTo("3");
		assertThat(inTransaction(() -> this.catalog.takeStock(limited, 1))).isTrue();
		assertThat(events(seller.account().id())).containsOnlyOnce("product.low_stock");
		assertThat(lastEvent(seller.account().id(), "product.low_stock")).contains(product.at("/prefixId"))
			.contains("\"quantityAvailable\":2");
		assertThat(inTransaction(() -> this.catalog.takeStock(limited, 2))).isTrue();
		assertThat(stock(client, limited)).isEqualTo("0");
		assertThat(inTransaction(() -> this.catalog.takeStock(limited, 1))).isFalse();
		assertThat(events(seller.account().id()).stream().filter("product.low_stock"::equals)).hasSize(1);

		inTransaction(() -> {
			this.catalog.returnStock(limited, 5);
			return null;
		});
		assertThat(stock(client, limited)).isEqualTo("5");
		assertThat(inTransaction(() -> this.catalog.takeStock(unlimited, 1_000))).isTrue();
		assertThat(client.get("/v1/price_variants/" + unlimited).json().get("quantityAvailable").isNull()).isTrue();
		assertThat(inTransaction(() -> this.catalog.takeStock(-1, 1))).isFalse();
	}

	@Test
	void concurrentBuyersNeverTakeMoreThanIsLeft() throws Exception {
		Http client = this.http.as(this.sellers.create().test());
		String productId = product(client).at("/prefixId");
		long variant = variant(client, productId, ",\"quantityAvailable\":10").json().get("id").asLong();
		List<java.util.concurrent.Callable<Boolean>> buyers = new java.util.ArrayList<>();
		for (int i = 0; i < 25; i++) {
			buyers.add(() -> inTransaction(() -> this.catalog.takeStock(variant, 1)));
		}
		try (java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
			long taken = 0;
			for (java.util.concurrent.Future<Boolean> result : pool.invokeAll(buyers)) {
				taken += result.get() ? 1 : 0;
			}
			assertThat(taken).isEqualTo(10);
		}
		assertThat(stock(client, variant)).isEqualTo("0");
	}

	private static String stock(Http client, long variantId) {
		return client.get("/v1/price_variants/" + variantId).at("/quantityAvailable");
	}

	@Test
	void productsAndJsonAreBuiltInBatches() {
		Seller seller = this.sellers.create();
		Http client = this.http.as(seller.test());
		Response one = activeProduct(client, "One");
		Response two = activeProduct(client, "Two");
		long oneId = one.json().get("id").asLong();
		long twoId = two.json().get("id").asLong();
		long accountId = seller.account().id();
		String archived = variant(client, one.at("/prefixId")).at("/prefixId");
		client.patch("/v1/price_variants/" + archived, "{\"archived\":true}");
		long archivedId = client.get("/v1/price_variants/" + archived).json().get("id").asLong();

		Map<Long, ProductSummary> summaries = this.catalog.products(accountId, false, List.of(oneId, twoId, -5L));
		assertThat(summaries.keySet()).containsExactlyInAnyOrder(oneId, twoId);
		assertThat(summaries.get(oneId).url()).isEqualTo(one.at("/url"));
		assertThat(summaries.get(twoId).status()).isEqualTo("active");

		Counted<Map<Long, ProductJson>> single = this.sql
			.count(() -> this.catalog.productJson(accountId, false, List.of(oneId)));
		Counted<Map<Long, ProductJson>> both = this.sql
			.count(() -> this.catalog.productJson(accountId, false, List.of(oneId, twoId)));
		assertThat(both.result().get(twoId).name()).isEqualTo("Two");
		assertThat(both.result().get(oneId).sellerAccount().prefixId()).isEqualTo(seller.account().prefixId());
		assertThat(both.statements()).isEqualTo(single.statements());

		Map<Long, PriceVariantJson> variants = this.catalog.variantJson(accountId, false,
				List.of(archivedId, one.json().at("/priceVariants/0/id").asLong()));
		assertThat(variants.get(archivedId).archived()).isTrue();
		assertThat(variants).hasSize(2);
		assertThat(this.catalog.variantJson(this.sellers.create().account().id(), false, List.of(archivedId)))
			.isEmpty();
	}

	@Test
	void resolvesVariantReferencesOrRefusesUnknownOnes() {
		Seller seller = this.sellers.create();
		Http client = this.http.as(seller.test());
		String productId = product(client).at("/prefixId");
		Response first = variant(client, productId);
		Response second = variant(client, productId);
		long accountId = seller.account().id();
		List<Long> ids = this.catalog.resolveVariantIds(accountId, false, List.of(new Ref(null, second.at("/prefixId")),
				new Ref(first.json().get("id").asLong(), null), new Ref(null, second.at("/prefixId"))));
		assertThat(ids).containsExactly(second.json().get("id").asLong(), first.json().get("id").asLong());

		assertThatThrownBy(() -> this.catalog.resolveVariantIds(accountId, true,
				List.of(new Ref(first.json().get("id").asLong(), null))))
			.isInstanceOfSatisfying(InvalidRecord.class, (ex) -> assertThat(ex.errors().details())
				.isEqualTo(Map.of("priceVariants", List.of("contains an unknown price variant"))));
		assertThatThrownBy(() -> this.catalog.resolveVariantIds(accountId, false,
				List.of(new Ref(null, first.at("/prefixId")), new Ref(null, "pv_unknown"))))
			.isInstanceOf(InvalidRecord.class)
			.hasMessage("Price variants contains an unknown price variant");
	}

}
