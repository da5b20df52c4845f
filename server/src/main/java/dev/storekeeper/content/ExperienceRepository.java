package dev.storekeeper.content;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.content.ExperienceContent.Chapter;
import dev.storekeeper.content.ExperienceContent.Lesson;
import dev.storekeeper.platform.web.Ids;
import dev.storekeeper.platform.jdbc.SlugColumn;
import dev.storekeeper.platform.web.PageQuery;
import dev.storekeeper.platform.jdbc.Scoped;
import dev.storekeeper.platform.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Experiences and their course chapters and lessons in SQL. */
@Repository
class ExperienceRepository {

	private static final String COLUMNS = """
			id, prefix_id, account_id, livemode, name, slug, description, item_type, access_type, body_html,
			link_url, embed_html, created_at, updated_at
			""";

	private static final String SCOPE = " where account_id = :accountId and livemode = :livemode";

	private static final String TYPE_FILTER = " and (cast(:itemType as varchar(20)) is null or item_type = :itemType)";

	private static final String BY_KEY = "select " + COLUMNS + " from experiences" + SCOPE
			+ " and (prefix_id = :key or slug = :key or id = :id)";

	private static final String COUNT = "select count(*) from experiences" + SCOPE + TYPE_FILTER;

	private static final String PAGE = "select " + COLUMNS + " from experiences" + SCOPE + TYPE_FILTER
			+ Scoped.newestFirst("");

	private static final String BY_IDS = "select " + COLUMNS + " from experiences" + SCOPE + " and id in (:ids)";

	private static final String RESOLVE = "select id, prefix_id from experiences" + SCOPE
			+ " and (id in (:ids) or prefix_id in (:prefixIds))";

	private static final String INSERT = """
			insert into experiences (prefix_id, account_id, livemode, name, slug, description, item_type, access_type,
			  body_html, link_url, embed_html, created_at, updated_at)
			values (:prefixId, :accountId, :livemode, :name, :slug, :description, :itemType, :accessType,
			  :bodyHtml, :url, :embedHtml, :now, :now)
			""";

	private static final String UPDATE = """
			update experiences set name = :name, slug = :slug, description = :description, item_type = :itemType,
			  access_type = :accessType, body_html = :bodyHtml, link_url = :url, embed_html = :embedHtml,
			  updated_at = :now
			where id = :id
			""";

	private static final String DELETE = "delete from experiences where id = :id";

	private static final String CHAPTERS = """
			select c.id as chapter_id, c.experience_id, c.title as chapter_title, c.position as chapter_position,
			  l.title as lesson_title, l.body_html, l.video_url, l.position as lesson_position
			from experience_chapters c left join experience_lessons l on l.chapter_id = c.id
			where c.experience_id in (:ids)
			order by c.experience_id, c.position, c.id, l.position, l.id
			""";

	private static final String FILES = """
			select experience_id, file_id from experience_files where experience_id in (:ids)
			order by experience_id, position
			""";

	private static final String DELETE_FILES = "delete from experience_files where experience_id = :id";

	private static final String INSERT_FILE = """
			insert into experience_files (experience_id, file_id, position) values (:experienceId, :fileId, :position)
			""";

	private static final String DELETE_CHAPTERS = "delete from experience_chapters where experience_id = :id";

	private static final String INSERT_CHAPTER = """
			insert into experience_chapters (experience_id, title, position) values (:experienceId, :title, :position)
			""";

	private static final String INSERT_LESSON = """
			insert into experience_lessons (chapter_id, title, body_html, video_url, position)
			values (:chapterId, :title, :bodyHtml, :videoUrl, :position)
			""";

	private final JdbcClient jdbc;

	private final SlugColumn slugs;

	ExperienceRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.slugs = new SlugColumn(jdbc, "experiences");
	}

	/** By prefixed id, slug or (when {@code key} is all digits) integer id. */
	Optional<Experience> find(long accountId, boolean livemode, String key) {
		return Scoped.byKey(this.jdbc, BY_KEY, accountId, livemode, key, this::row);
	}

	long count(long accountId, boolean livemode, @Nullable String itemType) {
		return Scoped.count(this.jdbc, COUNT, accountId, livemode, "itemType", itemType);
	}

	List<Experience> page(long accountId, boolean livemode, @Nullable String itemType, PageQuery page) {
		return Scoped.page(this.jdbc, PAGE, accountId, livemode, "itemType", itemType, page, this::row);
	}

	List<Experience> byIds(long accountId, boolean livemode, Collection<Long> ids) {
		return Scoped.byIds(this.jdbc, BY_IDS, accountId, livemode, ids, this::row);
	}

	/** The integer id of each given id or prefixed id that belongs to the caller. */
	Map<String, Long> resolve(long accountId, boolean livemode, Collection<Long> ids, Collection<String> prefixIds) {
		Map<String, Long> found = new LinkedHashMap<>();
		this.jdbc.sql(RESOLVE)
			.param("accountId", accountId)
			.param("livemode", livemode)
			// An empty IN list is not valid SQL; an impossible value stands in for it.
			.param("ids", ids.isEmpty() ? List.of(-1L) : ids)
			.param("prefixIds", prefixIds.isEmpty() ? List.of("") : prefixIds)
			.query((rs, n) -> {
				found.put(String.valueOf(rs.getLong("id")), rs.getLong("id"));
				found.put(rs.getString("prefix_id"), rs.getLong("id"));
				return null;
			})
			.list();
		return found;
	}

	boolean slugTaken(long accountId, boolean livemode, String slug, long exceptId) {
		return this.slugs.taken(accountId, livemode, slug, exceptId);
	}

	/** The first free slug made from {@code base}. */
	String freeSlug(long accountId, boolean livemode, String base, long exceptId) {
		return this.slugs.free(accountId, livemode, base, exceptId);
	}

	long insert(Experience experience, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql(INSERT)
			.param("prefixId", experience.prefixId())
			.param("accountId", experience.accountId())
			.param("livemode", experience.livemode())
			.param("name", experience.name())
			.param("slug", experience.slug())
			.param("description", experience.description())
			.param("itemType", experience.itemType())
			.param("accessType", experience.accessType())
			.param("bodyHtml", experience.bodyHtml())
			.param("url", experience.url())
			.param("embedHtml", experience.embedHtml())
			.param("now", Times.db(now))
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	void update(Experience experience, Instant now) {
		this.jdbc.sql(UPDATE)
			.param("id", experience.id())
			.param("name", experience.name())
			.param("slug", experience.slug())
			.param("description", experience.description())
			.param("itemType", experience.itemType())
			.param("accessType", experience.accessType())
			.param("bodyHtml", experience.bodyHtml())
			.param("url", experience.url())
			.param("embedHtml", experience.embedHtml())
			.param("now", Times.db(now))
			.update();
	}

	void delete(long id) {
		this.jdbc.sql(DELETE).param("id", id).update();
	}

	/** The chapters of each course among {@code ids}, in one statement. */
	Map<Long, List<Chapter>> chapters(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<Long, Map<Long, ChapterRows>> byExperience = new LinkedHashMap<>();
		this.jdbc.sql(CHAPTERS).param("ids", ids).query((ResultSet rs) -> {
			String chapterTitle = rs.getString("chapter_title");
			int chapterPosition = rs.getInt("chapter_position");
			ChapterRows chapter = byExperience
				.computeIfAbsent(rs.getLong("experience_id"), (id) -> new LinkedHashMap<>())
				.computeIfAbsent(rs.getLong("chapter_id"), (id) -> new ChapterRows(chapterTitle, chapterPosition));
			String lessonTitle = rs.getString("lesson_title");
			if (lessonTitle != null) {
				chapter.lessons.add(new Lesson(lessonTitle, rs.getString("body_html"), rs.getString("video_url"),
						rs.getInt("lesson_position")));
			}
		});
		Map<Long, List<Chapter>> result = new LinkedHashMap<>();
		byExperience.forEach((experienceId, chapters) -> result.put(experienceId,
				chapters.values()
					.stream()
					.map((rows) -> new Chapter(rows.title, rows.position, List.copyOf(rows.lessons)))
					.toList()));
		return result;
	}

	/** Replaces a course's chapters and lessons. */
	/** The file ids each of the experiences {@code ids} grants, in order. */
	Map<Long, List<Long>> files(Collection<Long> ids) {
		Map<Long, List<Long>> result = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return result;
		}
		this.jdbc.sql(FILES).param("ids", ids).query((ResultSet rs) -> {
			result.computeIfAbsent(rs.getLong("experience_id"), (id) -> new ArrayList<>()).add(rs.getLong("file_id"));
		});
		return result;
	}

	void replaceFiles(long experienceId, List<Long> fileIds) {
		this.jdbc.sql(DELETE_FILES).param("id", experienceId).update();
		int position = 1;
		for (Long fileId : fileIds) {
			this.jdbc.sql(INSERT_FILE)
				.param("experienceId", experienceId)
				.param("fileId", fileId)
				.param("position", position++)
				.update();
		}
	}

	void replaceChapters(long experienceId, List<Chapter> chapters) {
		this.jdbc.sql(DELETE_CHAPTERS).param("id", experienceId).update();
		for (Chapter chapter : chapters) {
			KeyHolder keys = new GeneratedKeyHolder();
			this.jdbc.sql(INSERT_CHAPTER)
				.param("experienceId", experienceId)
				.param("title", chapter.title())
				.param("position", chapter.position())
				.update(keys, "id");
			long chapterId = keys.getKeyAs(Long.class);
			for (Lesson lesson : chapter.lessons()) {
				this.jdbc.sql(INSERT_LESSON)
					.param("chapterId", chapterId)
					.param("title", lesson.title())
					.param("bodyHtml", lesson.bodyHtml())
					.param("videoUrl", lesson.videoUrl())
					.param("position", lesson.position())
					.update();
			}
		}
	}

	private Experience row(ResultSet rs, int n) throws SQLException {
		return new Experience(rs.getLong("id"), rs.getString("prefix_id"), rs.getLong("account_id"),
				rs.getBoolean("livemode"), rs.getString("name"), rs.getString("slug"), rs.getString("description"),
				rs.getString("item_type"), rs.getString("access_type"), rs.getString("body_html"),
				rs.getString("link_url"), rs.getString("embed_html"), Times.read(rs, "created_at"),
				Times.read(rs, "updated_at"));
	}

	/** A chapter while its lessons are being collected. */
	private static final class ChapterRows {

		final String title;

		final int position;

		final List<Lesson> lessons = new ArrayList<>();

		ChapterRows(String title, int position) {
			this.title = title;
			this.position = position;
		}

	}

}
