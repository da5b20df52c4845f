package dev.storekeeper.platform.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorsUnitTests {

	@Test
	void fullMessagesAreRailsStyle() {
		Errors errors = new Errors().add("name", "can't be blank")
			.add("availableSupportEmail", "is invalid")
			.add("seo.title", "is too long (maximum is 60 characters)")
			.add("priceVariantId", "must exist")
			.add("base", "Something is wrong");
		assertThat(errors.message()).isEqualTo("Name can't be blank, Available support email is invalid, "
				+ "Seo title is too long (maximum is 60 characters), Price variant must exist, Something is wrong");
		assertThat(errors.details()).containsEntry("name", List.of("can't be blank"));
	}

	@Test
	void theSameMessageIsKeptOnce() {
		Errors errors = new Errors().add("name", "can't be blank").add("name", "can't be blank");
		assertThat(errors.details()).isEqualTo(Map.of("name", List.of("can't be blank")));
	}

	@Test
	void nestedListIndexesAreDroppedFromMessages() {
		assertThat(Errors.humanize("checkoutItemsAttributes[0].quantity"))
			.isEqualTo("Checkout items attributes quantity");
	}

}
