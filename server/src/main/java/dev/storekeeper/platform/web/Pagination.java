package dev.storekeeper.platform.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * The pagination object with the exact field meanings of the Crevio overview:
 * {@code from}/{@code to} are the 1-based positions of the first and last item on this
 * page (0 when it is empty), {@code in} how many it holds.
 */
@JsonPropertyOrder({ "page", "pages", "count", "limit", "offset", "from", "to", "in", "last", "next", "previous" })
@WireSchema("Pagination")
public record Pagination(int page, int pages, long count, int limit, long offset, long from, long to,
		@JsonProperty("in") int in_, int last, @Nullable Integer next, @Nullable Integer previous) {

	/**
	 * The pagination of page {@code query} with {@code count} items in all,
	 * {@code onPage} of them here.
	 */
	public static Pagination of(PageQuery query, long count, int onPage) {
		int pages = (int) Math.max(1, (count + query.limit() - 1) / query.limit());
		long offset = query.offset();
		long from = (onPage == 0) ? 0 : offset + 1;
		long to = (onPage == 0) ? 0 : offset + onPage;
		Integer next = (query.page() < pages) ? query.page() + 1 : null;
		Integer previous = (query.page() > 1) ? query.page() - 1 : null;
		return new Pagination(query.page(), pages, count, query.limit(), offset, from, to, onPage, pages, next,
				previous);
	}

}
