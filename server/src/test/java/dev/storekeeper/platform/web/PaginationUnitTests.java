package dev.storekeeper.platform.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PaginationUnitTests {

	@Test
	void anEmptyListHasOnePageAndNoPositions() {
		Pagination pagination = Pagination.of(PageQuery.of(null, null), 0, 0);
		assertThat(pagination).isEqualTo(new Pagination(1, 1, 0, 20, 0, 0, 0, 0, 1, null, null));
	}

	@Test
	void aMiddlePageLinksBothWays() {
		Pagination pagination = Pagination.of(PageQuery.of("2", "10"), 47, 10);
		assertThat(pagination).isEqualTo(new Pagination(2, 5, 47, 10, 10, 11, 20, 10, 5, 3, 1));
	}

	@Test
	void exactMultiplesDoNotAddAPage() {
		assertThat(Pagination.of(PageQuery.of("1", "10"), 40, 10).pages()).isEqualTo(4);
	}

	@Test
	void defaultsAndLimits() {
		assertThat(PageQuery.of(null, null)).isEqualTo(new PageQuery(1, 20));
		assertThat(PageQuery.of("3", "100")).isEqualTo(new PageQuery(3, 100));
		assertThatThrownBy(() -> PageQuery.of("1", "101")).isInstanceOf(InvalidParameter.class);
		assertThatThrownBy(() -> PageQuery.of("99999999999", "10")).isInstanceOf(InvalidParameter.class);
	}

}
