package dev.storekeeper.platform.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import static org.assertj.core.api.Assertions.assertThat;

class InstantJsonUnitTests {

	private final JsonMapper fast = JsonMapper.builder()
		.addModule(new SimpleModule().addSerializer(Instant.class, new InstantJson()))
		.build();

	private final JsonMapper jackson = JsonMapper.builder().build();

	@Test
	void writesWhatJacksonsOwnSerializerWrites() {
		SplittableRandom random = new SplittableRandom(18);
		long min = LocalDate.of(0, 1, 1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
		long max = LocalDate.of(10000, 1, 1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
		for (int i = 0; i < 200_000; i++) {
			assertSame(Instant.ofEpochSecond(random.nextLong(min, max)));
		}
		for (int year : new int[] { 0, 1, 99, 400, 1582, 1600, 1900, 1969, 1970, 2000, 2024, 2026, 2100, 9999 }) {
			for (String date : new String[] { "-01-01", "-02-28", "-03-01", "-12-31" }) {
				Instant start = Instant.parse("%04d%sT00:00:00Z".formatted(year, date));
				assertSame(start);
				assertSame(start.minusSeconds(1));
				assertSame(start.plusSeconds(86_399));
			}
		}
	}

	@Test
	void fractionsAndFarYearsAreWrittenAsInstantWritesThem() {
		assertSame(Instant.parse("2026-11-30T16:01:02.123Z"));
		assertSame(Instant.parse("2026-11-30T16:01:02.000000001Z"));
		assertSame(Instant.parse("+10000-01-01T00:00:00Z"));
		assertSame(Instant.parse("-0001-12-31T23:59:59Z"));
		assertSame(Instant.MIN);
		assertSame(Instant.MAX);
		assertSame(Instant.EPOCH);
		assertThat(this.fast.writeValueAsString(Instant.parse("2026-11-30T16:01:02Z")))
			.isEqualTo("\"2026-11-30T16:01:02Z\"");
	}

	private void assertSame(Instant instant) {
		assertThat(this.fast.writeValueAsString(instant)).as(instant.toString())
			.isEqualTo(this.jackson.writeValueAsString(instant));
	}

}
