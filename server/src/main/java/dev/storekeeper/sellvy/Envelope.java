package dev.storekeeper.sellvy;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;

import dev.storekeeper.platform.web.Page;
import dev.storekeeper.platform.web.WireDialect;

import static dev.storekeeper.sellvy.SellvyRequest.map;

/** Sellvy's envelopes: {@code {"data": …}} and {@code {"data": […], "meta": …}}. */
final class Envelope {

	private Envelope() {
	}

	static Map<String, @Nullable Object> one(Object data) {
		return map("data", data);
	}

	static <T> Map<String, @Nullable Object> list(Page<T> page) {
		List<T> items = page.items();
		return map("data", items, "meta", map("page", page.pagination().page(), "per_page", page.pagination().limit(),
				"total", page.pagination().count()));
	}

	static ResponseEntity<Map<String, @Nullable Object>> created(String resource, Map<String, @Nullable Object> data) {
		return ResponseEntity.created(URI.create(WireDialect.SELLVY_PREFIX + "/" + resource + "/" + data.get("id")))
			.body(one(data));
	}

}
