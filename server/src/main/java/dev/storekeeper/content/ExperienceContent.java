package dev.storekeeper.content;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.files.FileSummary;

/**
 * What a buyer's access page shows for one experience: its name, its type and the content
 * of that type (the body of a written piece, the address of a link, the HTML of an embed,
 * the chapters of a course, the files of a download).
 *
 * @param itemType {@code course}, {@code download}, {@code written}, {@code link} or
 * {@code embed}
 * @param bodyHtml the body of a written experience, else null
 * @param url the address of a link experience, else null
 * @param embedHtml the HTML of an embed experience, else null
 * @param chapters the chapters of a course in order, else empty
 * @param files the files of a download in order, else empty
 */
public record ExperienceContent(long id, String prefixId, String name, String itemType, @Nullable String bodyHtml,
		@Nullable String url, @Nullable String embedHtml, List<Chapter> chapters, List<FileSummary> files) {

	/** A chapter of a course, with its lessons in order. */
	public record Chapter(String title, int position, List<Lesson> lessons) {
	}

	/** A lesson of a course chapter. */
	public record Lesson(String title, @Nullable String bodyHtml, @Nullable String videoUrl, int position) {
	}

}
