package dev.storekeeper.platform.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class RenderedOnceUnitTests {

	private final JsonMapper json = JsonMapper.builder().build();

	/** A value that counts how often it is written. */
	record Product(String name, List<String> tags, @Nullable String note, @JsonIgnore AtomicInteger reads) {

		public String getWrittenName() {
			this.reads.incrementAndGet();
			return "\u00e9t\u00e9 \"" + this.name + "\" \u2713";
		}

	}

	record Line(int quantity, @Nullable Object product) {
	}

	@Test
	void aValueWrittenManyTimesIsRenderedOnceAndWritesTheSameText() {
		AtomicInteger reads = new AtomicInteger();
		Product product = new Product("Course", List.of("a", "b"), null, reads);
		Map<Long, Object> products = RenderedOnce.each(Map.of(1L, product), this.json);
		List<Line> lines = new ArrayList<>();
		List<Line> plain = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			lines.add(new Line(i, products.get(1L)));
			plain.add(new Line(i, product));
		}
		String expected = this.json.writeValueAsString(plain);
		reads.set(0);

		assertThat(this.json.writeValueAsString(lines)).isEqualTo(expected);
		assertThat(new String(this.json.writeValueAsBytes(lines), java.nio.charset.StandardCharsets.UTF_8))
			.isEqualTo(expected);
		assertThat(reads).hasValue(1);
	}

	@Test
	void inATreeTheValueIsWrittenInPlace() {
		Product product = new Product("Course", List.of("a"), "n", new AtomicInteger());
		Object wrapped = RenderedOnce.each(Map.of(1L, product), this.json).get(1L);
		// written as text first, so that a rendering exists
		this.json.writeValueAsString(new Line(1, wrapped));

		JsonNode tree = this.json.valueToTree(new Line(1, wrapped));

		assertThat(tree.path("product").path("name").asString()).isEqualTo("Course");
		assertThat(tree.path("product").path("tags").size()).isEqualTo(1);
		assertThat(tree).isEqualTo(this.json.valueToTree(new Line(1, product)));
	}

	@Test
	void absentValuesStayAbsentAndTheOrderIsKept() {
		Map<Long, @Nullable Object> values = new LinkedHashMap<>();
		values.put(3L, "three");
		values.put(1L, null);
		values.put(2L, "two");

		Map<Long, Object> wrapped = RenderedOnce.each(values, this.json);

		assertThat(wrapped.keySet()).containsExactly(3L, 1L, 2L);
		assertThat(wrapped.get(1L)).isNull();
		assertThat(this.json.writeValueAsString(wrapped)).isEqualTo("{\"3\":\"three\",\"1\":null,\"2\":\"two\"}");
	}

}
