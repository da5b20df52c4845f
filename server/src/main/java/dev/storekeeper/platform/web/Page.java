package dev.storekeeper.platform.web;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, in the envelope of the seeds: {@code {"items": [...], "pagination":
 * {...}}}.
 */
public record Page<T>(List<T> items, Pagination pagination) {

	/** A page of {@code items} out of {@code count} in all. */
	public static <T> Page<T> of(List<T> items, PageQuery query, long count) {
		return new Page<>(items, Pagination.of(query, count, items.size()));
	}

	/** The same page with each item transformed. */
	public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
		return new Page<>(this.items.stream().<R>map(mapper).toList(), this.pagination);
	}

}
