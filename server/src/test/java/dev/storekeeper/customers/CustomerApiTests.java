package dev.storekeeper.customers;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.storekeeper.support.ApiTest;
import dev.storekeeper.support.Http;
import dev.storekeeper.support.Http.Response;
import dev.storekeeper.support.Sellers.Seller;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerApiTests extends ApiTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Customers customers;

	@Autowired
	TransactionTemplate transactions;

	Seller seller;

	Http api;

	@BeforeEach
	void seller() {
		this.seller = this.sellers.create();
		this.api = this.http.as(this.seller.test());
	}

	@Test
	void createsALeadAndRecordsItsEvents() {
		Response created = this.api.post("/v1/customers",
				"{\"customer\":{\"email\":\"Ada@Example.com\",\"first_name\":\"Ada\",\"lastName\":\"Lovelace\",\"tags\":[\"VIP\",\"beta\"]}}");
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.header("Location")).isEqualTo("/v1/customers/" + created.at("/prefixId"));
		assertThat(created.at("/prefixId")).startsWith("cus_");
		assertThat(created.at("/customerType")).isEqualTo("lead");
		assertThat(created.at("/name")).isEqualTo("Ada Lovelace");
		assertThat(created.at("/ordersCount")).isEqualTo("0");
		assertThat(created.at("/totalSpend")).isEqualTo("0");
		assertThat(created.at("/tags/0/name")).isEqualTo("VIP");
		assertThat(created.at("/livemode")).isEqualTo("false");
		List<String> types = this.jdbc.sql("select type from events where account_id = :id order by id")
			.param("id", this.seller.account().id())
			.query(String.class)
			.list();
		assertThat(types).containsExactly("customer.created", "lead.created");
	}

	@Test
	void emailIsRequiredValidAndUniqueIgnoringCase() {
		Response blank = this.api.post("/v1/customers", "{\"customer\":{\"name\":\"No email\"}}");
		assertThat(blank.status()).isEqualTo(422);
		assertThat(blank.at("/error/message")).isEqualTo("Email can't be blank");
		assertThat(blank.json().at("/error/details/email/0").asString()).isEqualTo("can't be blank");
		Response invalid = this.api.post("/v1/customers", "{\"email\":\"not-an-email\"}");
		assertThat(invalid.at("/error/message")).isEqualTo("Email is invalid");
		assertThat(this.api.post("/v1/customers", "{\"email\":\"grace@example.com\"}").status()).isEqualTo(201);
		Response taken = this.api.post("/v1/customers", "{\"email\":\"GRACE@example.com\"}");
		assertThat(taken.status()).isEqualTo(422);
		assertThat(taken.at("/error/message")).isEqualTo("Email has already been taken");
		assertThat(this.http.as(this.seller.live()).post("/v1/customers", "{\"email\":\"grace@example.com\"}").status())
			.isEqualTo(201);
		Response type = this.api.post("/v1/customers", "{\"email\":\"x@example.com\",\"customerType\":\"vip\"}");
		assertThat(type.at("/error/message")).isEqualTo("Customer type is not included in the list");
	}

	@Test
	void listsFilterByTypeAndQuery() {
		this.api.post("/v1/customers", "{\"email\":\"lead@example.com\",\"name\":\"Linus Lead\"}");
		this.api.post("/v1/customers",
				"{\"email\":\"payer@example.com\",\"name\":\"Paula Payer\",\"customerType\":\"paid\"}");
		assertThat(this.api.get("/v1/customers").at("/pagination/count")).isEqualTo("2");
		assertThat(this.api.get("/v1/customers?customer_type=paid").at("/items/0/email"))
			.isEqualTo("payer@example.com");
		assertThat(this.api.get("/v1/customers?customer_type=paid").at("/pagination/count")).isEqualTo("1");
		assertThat(this.api.get("/v1/customers?query=LINUS").at("/items/0/email")).isEqualTo("lead@example.com");
		assertThat(this.api.get("/v1/customers?query=payer@").at("/pagination/count")).isEqualTo("1");
		assertThat(this.api.get("/v1/customers?query=%25").at("/pagination/count")).isEqualTo("0");
		assertThat(this.api.get("/v1/customers?customer_type=vip").status()).isEqualTo(400);
	}

	@Test
	void updatesTagsAndTheBlacklist() {
		String id = this.api.post("/v1/customers", "{\"email\":\"t@example.com\",\"tags\":[\"one\"]}").at("/prefixId");
		String other = this.api.post("/v1/customers", "{\"email\":\"u@example.com\",\"tags\":[\"ONE\"]}")
			.at("/tags/0/id");
		Response updated = this.api.patch("/v1/customers/" + id, "{\"name\":\"Tess\",\"tags\":[\"one\",\"two\"]}");
		assertThat(updated.status()).isEqualTo(200);
		assertThat(updated.at("/name")).isEqualTo("Tess");
		assertThat(updated.at("/tags/0/id")).isEqualTo(other);
		assertThat(updated.at("/tags/1/name")).isEqualTo("two");
		Response taken = this.api.patch("/v1/customers/" + id, "{\"email\":\"U@example.com\"}");
		assertThat(taken.at("/error/message")).isEqualTo("Email has already been taken");

		Response blacklisted = this.api.post("/v1/customers/" + id + "/blacklist", "{\"reason\":\"chargebacks\"}");
		assertThat(blacklisted.status()).isEqualTo(200);
		assertThat(blacklisted.at("/blacklisted")).isEqualTo("true");
		assertThat(blacklisted.at("/blacklistReason")).isEqualTo("chargebacks");
		assertThat(this.api.delete("/v1/customers/" + id + "/blacklist").status()).isEqualTo(200);
		assertThat(this.api.get("/v1/customers/" + id).at("/blacklisted")).isEqualTo("false");
	}

	@Test
	void theOrderFlowMovesTypesUpAndKeepsCountersExact() {
		long accountId = this.seller.account().id();
		Customer lead = this.transactions
			.execute((status) -> this.customers.findOrCreateByEmail(accountId, false, "Flow@Example.com", "Flo"));
		Customer same = this.transactions
			.execute((status) -> this.customers.findOrCreateByEmail(accountId, false, "flow@example.com", null));
		assertThat(same.id()).isEqualTo(lead.id());
		assertThat(lead.customerType()).isEqualTo("lead");
		this.transactions.executeWithoutResult((status) -> this.customers.recordOrder(lead.id(), 0));
		assertThat(this.api.get("/v1/customers/" + lead.prefixId()).at("/customerType")).isEqualTo("free");
		this.transactions.executeWithoutResult((status) -> this.customers.recordOrder(lead.id(), 2500));
		this.transactions.executeWithoutResult((status) -> this.customers.recordOrder(lead.id(), 0));
		Response paid = this.api.get("/v1/customers/" + lead.prefixId());
		assertThat(paid.at("/customerType")).isEqualTo("paid");
		assertThat(paid.at("/ordersCount")).isEqualTo("3");
		assertThat(paid.at("/totalSpend")).isEqualTo("2500");
		this.transactions.executeWithoutResult((status) -> this.customers.recordRefund(lead.id(), 1000));
		assertThat(this.api.get("/v1/customers/" + lead.prefixId()).at("/totalSpend")).isEqualTo("1500");
	}

	@Test
	void otherAccountsAndModesGet404() {
		Response created = this.api.post("/v1/customers", "{\"email\":\"mine@example.com\"}");
		String id = created.at("/prefixId");
		String integer = created.at("/id");
		for (Http other : List.of(this.http.as(this.seller.live()), this.http.as(this.sellers.create().test()))) {
			assertThat(other.get("/v1/customers/" + id).status()).isEqualTo(404);
			assertThat(other.get("/v1/customers/" + integer).status()).isEqualTo(404);
			assertThat(other.patch("/v1/customers/" + id, "{\"name\":\"x\"}").status()).isEqualTo(404);
			assertThat(other.post("/v1/customers/" + id + "/blacklist", "{}").status()).isEqualTo(404);
			assertThat(other.delete("/v1/customers/" + id + "/blacklist").status()).isEqualTo(404);
			assertThat(other.get("/v1/customers").at("/pagination/count")).isEqualTo("0");
		}
		assertThat(this.api.get("/v1/customers/" + integer).at("/prefixId")).isEqualTo(id);
	}

}
