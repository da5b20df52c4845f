package dev.storekeeper.platform.web;

import java.time.Instant;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Writes an {@link Instant} as Jackson's own serializer does ({@code Instant.toString()},
 * ISO-8601 in UTC: {@code 2026-11-30T16:01:02Z}), without {@code DateTimeFormatter}: the
 * API's timestamps are whole seconds, and formatting them was 15 % of an orders page's
 * CPU (bench/RESULTS.md, round two). An instant with a fraction of a second, or outside
 * the years 0000-9999, is written by {@code Instant.toString()} itself.
 */
public final class InstantJson extends StdSerializer<Instant> {

	private static final long SECONDS_PER_DAY = 86_400;

	/** 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z. */
	private static final long MIN = -62_167_219_200L;

	private static final long MAX = 253_402_300_800L;

	public InstantJson() {
		super(Instant.class);
	}

	@Override
	public void serialize(Instant value, JsonGenerator gen, SerializationContext context) {
		long seconds = value.getEpochSecond();
		if (value.getNano() != 0 || seconds < MIN || seconds >= MAX) {
			gen.writeString(value.toString());
			return;
		}
		char[] text = new char[20];
		format(seconds, text);
		gen.writeString(text, 0, text.length);
	}

	/** {@code seconds} since the epoch as {@code yyyy-MM-ddTHH:mm:ssZ}, into 20 chars. */
	static void format(long seconds, char[] text) {
		long days = Math.floorDiv(seconds, SECONDS_PER_DAY);
		int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
		// days to a civil date in the proleptic Gregorian calendar (H. Hinnant's
		// days_from_civil, inverted), in eras of 400 years from 0000-03-01
		long shifted = days + 719_468;
		long era = Math.floorDiv(shifted, 146_097);
		long dayOfEra = shifted - era * 146_097;
		long yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
		long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
		long monthFromMarch = (5 * dayOfYear + 2) / 153;
		int day = (int) (dayOfYear - (153 * monthFromMarch + 2) / 5 + 1);
		int month = (int) ((monthFromMarch < 10) ? monthFromMarch + 3 : monthFromMarch - 9);
		int year = (int) (yearOfEra + era * 400 + ((month <= 2) ? 1 : 0));
		digits(text, 0, year / 100);
		digits(text, 2, year % 100);
		text[4] = '-';
		digits(text, 5, month);
		text[7] = '-';
		digits(text, 8, day);
		text[10] = 'T';
		digits(text, 11, secondOfDay / 3600);
		text[13] = ':';
		digits(text, 14, secondOfDay / 60 % 60);
		text[16] = ':';
		digits(text, 17, secondOfDay % 60);
		text[19] = 'Z';
	}

	private static void digits(char[] text, int at, int value) {
		text[at] = (char) ('0' + value / 10);
		text[at + 1] = (char) ('0' + value % 10);
	}

}
