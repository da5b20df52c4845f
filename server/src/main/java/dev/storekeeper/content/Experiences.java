package dev.storekeeper.content;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import dev.storekeeper.content.ExperienceContent.Chapter;
import dev.storekeeper.content.ExperienceContent.Lesson;
import dev.storekeeper.files.FileSummary;
import dev.storekeeper.files.Files;
import dev.storekeeper.platform.web.Caller;
import dev.storekeeper.platform.web.Errors;
import dev.storekeeper.platform.web.Fields;
import dev.storekeeper.platform.web.Ids;
import dev.storekeeper.platform.web.NotFound;
import dev.storekeeper.platform.web.Page;
import dev.storekeeper.platform.web.PageQuery;
import dev.storekeeper.platform.web.Ref;
import dev.storekeeper.platform.Slugs;
import dev.storekeeper.platform.Times;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Experiences: what a purchase grants (a written piece, a link, an embed, a course of
 * chapters and lessons, or downloads), each with a slug unique per account and mode.
 */
@Service
public class Experiences {

	private static final int MAX_HTML = 500_000;

	private final ExperienceRepository experiences;

	private final Files files;

	private final Clock clock;

	Experiences(ExperienceRepository experiences, Files files, Clock clock) {
		this.experiences = experiences;
		this.files = files;
		this.clock = clock;
	}

	/**
	 * The integer ids of {@code refs} (integer ids or {@code exp_} prefixed ids), in
	 * order and without repeats; any that is not the caller's is a validation error on
	 * {@code experienceIds}.
	 */
	@Transactional(readOnly = true)
	public List<Long> resolve(long accountId, boolean livemode, List<Ref> refs) {
		if (refs.isEmpty()) {
			return List.of();
		}
		List<Long> ids = refs.stream().map(Ref::id).filter(Objects::nonNull).toList();
		List<String> prefixIds = refs.stream().map(Ref::prefixId).filter(Objects::nonNull).toList();
		Map<String, Long> found = this.experiences.resolve(accountId, livemode, ids, prefixIds);
		Set<Long> result = new LinkedHashSet<>();
		for (Ref ref : refs) {
			Long id = found.get(ref.toString());
			if (id == null) {
				throw Errors.of("experienceIds", "contains an unknown experience");
			}
			result.add(id);
		}
		return List.copyOf(result);
	}

	/**
	 * What a buyer's access page shows for each of {@code ids} that still exists, in the
	 * order given; at most four statements whatever the number.
	 */
	@Transactional(readOnly = true)
	public List<ExperienceContent> contentFor(long accountId, boolean livemode, Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<Long, Experience> found = this.experiences.byIds(accountId, livemode, Set.copyOf(ids))
			.stream()
			.collect(Collectors.toMap(Experience::id, Function.identity()));
		Map<Long, List<Chapter>> chapters = this.experiences.chapters(courseIds(List.copyOf(found.values())));
		Map<Long, List<FileSummary>> files = files(accountId, livemode, List.copyOf(found.values()));
		List<ExperienceContent> result = new ArrayList<>();
		for (Long id : new LinkedHashSet<>(ids)) {
			Experience experience = found.get(id);
			if (experience != null) {
				result.add(new ExperienceContent(experience.id(), experience.prefixId(), experience.name(),
						experience.itemType(), experience.bodyHtml(), experience.url(), experience.embedHtml(),
						chapters.getOrDefault(experience.id(), List.of()),
						files.getOrDefault(experience.id(), List.of())));
			}
		}
		return result;
	}

	/**
	 * Creates a link experience ({@code url}, shown on the buyer's access page): what a
	 * Sellvy product's {@code file_url} delivers. Returns its prefixId.
	 */
	@Transactional
	public String createLink(Caller caller, String name, String url) {
		return create(caller,
				Fields.of(Map.of("name", name, "itemType", Experience.LINK, "content", Map.of("url", url))))
			.experience()
			.prefixId();
	}

	/** Points the caller's link experience {@code key} at {@code url}. */
	@Transactional
	public void relink(Caller caller, String key, String url) {
		update(caller, key, Fields.of(Map.of("content", Map.of("url", url))));
	}

	/** One page of the caller's experiences, newest first, optionally of one type. */
	@Transactional(readOnly = true)
	Page<Detailed> list(Caller caller, PageQuery page, @Nullable String itemType) {
		long count = this.experiences.count(caller.accountId(), caller.livemode(), itemType);
		List<Experience> items = this.experiences.page(caller.accountId(), caller.livemode(), itemType, page);
		Map<Long, List<Chapter>> chapters = this.experiences.chapters(courseIds(items));
		Map<Long, List<FileSummary>> files = files(caller.accountId(), caller.livemode(), items);
		return Page.of(items, page, count)
			.map((experience) -> new Detailed(experience, chapters.getOrDefault(experience.id(), List.of()),
					files.getOrDefault(experience.id(), List.of())));
	}

	/** One of the caller's experiences, by prefixed id, slug or integer id. */
	@Transactional(readOnly = true)
	Detailed get(Caller caller, String key) {
		return detailed(find(caller, key));
	}

	@Transactional
	Detailed create(Caller caller, Fields fields) {
		Errors errors = fields.errors();
		String name = Rules.required(errors, "name", fields.string("name"), 100);
		String itemType = itemType(fields, errors);
		String accessType = Rules.oneOf(errors, "accessType", fields.string("accessType"), Experience.ACCESS_TYPES);
		String description = Rules.optional(errors, "description", fields.string("description"), 5000);
		String slug = Slugs.chosen(fields, errors);
		Content content = (itemType != null) ? content(itemType, fields, errors) : null;
		if (slug != null && this.experiences.slugTaken(caller.accountId(), caller.livemode(), slug, -1)) {
			errors.add("slug", "has already been taken");
		}
		errors.throwIfAny();
		if (slug == null) {
			String base = Slugs.of(name, "experience");
			slug = this.experiences.freeSlug(caller.accountId(), caller.livemode(), base, -1);
		}
		Instant now = Times.now(this.clock);
		Experience experience = new Experience(0, Ids.next("exp"), caller.accountId(), caller.livemode(), name, slug,
				description, itemType, (accessType != null) ? accessType : "secret", content.bodyHtml(), content.url(),
				content.embedHtml(), now, now);
		List<Long> fileIds = fileIds(caller, content);
		long id = insert(experience, now);
		if (!content.chapters().isEmpty()) {
			this.experiences.replaceChapters(id, content.chapters());
		}
		this.experiences.replaceFiles(id, fileIds);
		return get(caller, experience.prefixId());
	}

	@Transactional
	Detailed update(Caller caller, String key, Fields fields) {
		Experience current = find(caller, key);
		Errors errors = fields.errors();
		String name = fields.has("name") ? Rules.required(errors, "name", fields.string("name"), 100) : current.name();
		String itemType = fields.has("itemType") ? itemType(fields, errors) : current.itemType();
		String accessType = fields.has("accessType") && !fields.isNull("accessType")
				? Rules.oneOf(errors, "accessType", fields.string("accessType"), Experience.ACCESS_TYPES)
				: current.accessType();
		String description = fields.has("description")
				? Rules.optional(errors, "description", fields.string("description"), 5000) : current.description();
		String slug = Slugs.chosen(fields, errors);
		boolean replaceContent = itemType != null && (fields.has("content") || !itemType.equals(current.itemType()));
		Content content = replaceContent ? content(itemType, fields, errors) : null;
		if (slug != null && this.experiences.slugTaken(caller.accountId(), caller.livemode(), slug, current.id())) {
			errors.add("slug", "has already been taken");
		}
		errors.throwIfAny();
		List<Long> fileIds = (content != null) ? fileIds(caller, content) : List.of();
		Experience changed = new Experience(current.id(), current.prefixId(), current.accountId(), current.livemode(),
				name, (slug != null) ? slug : current.slug(), description, itemType, accessType,
				(content != null) ? content.bodyHtml() : current.bodyHtml(),
				(content != null) ? content.url() : current.url(),
				(content != null) ? content.embedHtml() : current.embedHtml(), current.createdAt(),
				current.updatedAt());
		try {
			this.experiences.update(changed, Times.now(this.clock));
		}
		catch (DuplicateKeyException ex) {
			throw Errors.of("slug", "has already been taken");
		}
		if (content != null) {
			this.experiences.replaceChapters(current.id(), content.chapters());
			this.experiences.replaceFiles(current.id(), fileIds);
		}
		return get(caller, current.prefixId());
	}

	@Transactional
	void delete(Caller caller, String key) {
		this.experiences.delete(find(caller, key).id());
	}

	private long insert(Experience experience, Instant now) {
		try {
			return this.experiences.insert(experience, now);
		}
		catch (DuplicateKeyException ex) {
			// Another request took the same slug in the meantime.
			throw Errors.of("slug", "has already been taken");
		}
	}

	private Experience find(Caller caller, String key) {
		return this.experiences.find(caller.accountId(), caller.livemode(), key)
			.orElseThrow(() -> new NotFound("Experience"));
	}

	private Detailed detailed(Experience experience) {
		List<Chapter> chapters = experience.itemType().equals(Experience.COURSE)
				? this.experiences.chapters(List.of(experience.id())).getOrDefault(experience.id(), List.of())
				: List.of();
		List<FileSummary> files = files(experience.accountId(), experience.livemode(), List.of(experience))
			.getOrDefault(experience.id(), List.of());
		return new Detailed(experience, chapters, files);
	}

	/**
	 * The files each download experience of {@code experiences} grants, in order; two
	 * statements whatever the number.
	 */
	private Map<Long, List<FileSummary>> files(long accountId, boolean livemode, List<Experience> experiences) {
		List<Long> downloads = experiences.stream()
			.filter((experience) -> experience.itemType().equals(Experience.DOWNLOAD))
			.map(Experience::id)
			.toList();
		Map<Long, List<Long>> fileIds = this.experiences.files(downloads);
		if (fileIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, FileSummary> summaries = this.files.summaries(accountId, livemode,
				fileIds.values().stream().flatMap(List::stream).toList());
		Map<Long, List<FileSummary>> result = new java.util.HashMap<>();
		fileIds.forEach((experienceId, ids) -> result.put(experienceId,
				ids.stream().map(summaries::get).filter(Objects::nonNull).toList()));
		return result;
	}

	/**
	 * The ids of the ready uploads a download experience's content names (422 on
	 * content.files).
	 */
	private List<Long> fileIds(Caller caller, Content content) {
		return this.files.resolveReady(caller.accountId(), caller.livemode(), content.files(), "content.files");
	}

	private static List<Long> courseIds(List<Experience> experiences) {
		return experiences.stream()
			.filter((experience) -> experience.itemType().equals(Experience.COURSE))
			.map(Experience::id)
			.toList();
	}

	private static @Nullable String itemType(Fields fields, Errors errors) {
		String itemType = fields.string("itemType");
		if (itemType == null || itemType.isBlank()) {
			errors.add("itemType", "can't be blank");
			return null;
		}
		return Rules.oneOf(errors, "itemType", itemType.trim(), Experience.ITEM_TYPES);
	}

	/** The content of an experience of {@code itemType}, read from {@code content}. */
	private static Content content(String itemType, Fields fields, Errors errors) {
		Fields content = fields.object("content");
		return switch (itemType) {
			case Experience.WRITTEN ->
				new Content(Rules.required(errors, "content.bodyHtml", string(content, "bodyHtml"), MAX_HTML), null,
						null, List.of(), List.of());
			case Experience.LINK -> {
				String url = Rules.required(errors, "content.url", string(content, "url"), 2000);
				yield new Content(null, (url != null) ? Rules.httpUrl(errors, "content.url", url) : null, null,
						List.of(), List.of());
			}
			case Experience.EMBED -> new Content(null, null,
					Rules.required(errors, "content.embedHtml", string(content, "embedHtml"), MAX_HTML), List.of(),
					List.of());
			case Experience.COURSE -> new Content(null, null, null, chapters(content, errors), List.of());
			default -> new Content(null, null, null, List.of(), fileRefs(content));
		};
	}

	private static List<Chapter> chapters(@Nullable Fields content, Errors errors) {
		List<Fields> given = (content != null) ? content.objects("chapters") : null;
		if (given == null) {
			return List.of();
		}
		List<Chapter> chapters = new ArrayList<>();
		for (Fields chapter : given) {
			String title = Rules.required(errors, chapter.key("title"), chapter.string("title"), 200);
			List<Lesson> lessons = new ArrayList<>();
			List<Fields> lessonFields = chapter.objects("lessons");
			for (Fields lesson : (lessonFields != null) ? lessonFields : List.<Fields>of()) {
				String lessonTitle = Rules.required(errors, lesson.key("title"), lesson.string("title"), 200);
				String bodyHtml = Rules.optional(errors, lesson.key("bodyHtml"), lesson.string("bodyHtml"), MAX_HTML);
				String videoUrl = Rules.httpUrl(errors, lesson.key("videoUrl"), lesson.string("videoUrl"));
				lessons
					.add(new Lesson((lessonTitle != null) ? lessonTitle : "", bodyHtml, videoUrl, lessons.size() + 1));
			}
			chapters.add(new Chapter((title != null) ? title : "", chapters.size() + 1, List.copyOf(lessons)));
		}
		return List.copyOf(chapters);
	}

	/**
	 * The files a download experience's content names ({@code content.files}), as given.
	 */
	private static List<Ref> fileRefs(@Nullable Fields content) {
		JsonNode files = (content != null) ? content.raw("files") : null;
		if (files == null || files.isNull()) {
			return List.of();
		}
		// an invalid list is reported on content.files by refs()
		List<Ref> refs = content.refs("files");
		return (refs != null) ? refs : List.of();
	}

	private static @Nullable String string(@Nullable Fields content, String field) {
		return (content != null) ? content.string(field) : null;
	}

	/** An experience with its course chapters (empty unless it is a course). */
	record Detailed(Experience experience, List<Chapter> chapters, List<FileSummary> files) {
	}

	/** The content of one type, as read from a request. */
	private record Content(@Nullable String bodyHtml, @Nullable String url, @Nullable String embedHtml,
			List<Chapter> chapters, List<Ref> files) {
	}

}
