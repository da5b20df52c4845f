package dev.storekeeper.files;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.platform.web.Ids;
import dev.storekeeper.platform.web.PageQuery;
import dev.storekeeper.platform.jdbc.Rows;
import dev.storekeeper.platform.jdbc.Scoped;
import dev.storekeeper.platform.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code files} table, always read within one account and mode. */
@Repository
class FileRepository {

	private static final String COLUMNS = """
			id, prefix_id, account_id, livemode, source_type, upload_status, url, filename, content_type, size,
			sha256, provider, created_at, updated_at
			""";

	private static final String SCOPE = " where account_id = :accountId and livemode = :livemode";

	private static final String SOURCE_FILTER = " and (cast(:sourceType as varchar(20)) is null or source_type = :sourceType)";

	private static final String BY_KEY = "select " + COLUMNS + " from files" + SCOPE
			+ " and (prefix_id = :key or id = :id)";

	private static final String BY_PREFIX_ID = "select " + COLUMNS + " from files where prefix_id = :prefixId";

	private static final String BY_IDS = "select " + COLUMNS + " from files" + SCOPE + " and id in (:ids)";

	// locked: an experience that takes a file and a deletion of it wait for each other
	private static final String RESOLVE = "select " + COLUMNS + " from files" + SCOPE
			+ " and (id in (:ids) or prefix_id in (:prefixIds)) for update";

	private static final String COUNT = "select count(*) from files" + SCOPE + SOURCE_FILTER;

	private static final String PAGE = "select " + COLUMNS + " from files" + SCOPE + SOURCE_FILTER
			+ Scoped.newestFirst("");

	private static final String INSERT = """
			insert into files (prefix_id, account_id, livemode, source_type, upload_status, url, filename,
			  content_type, size, sha256, provider, created_at, updated_at)
			values (:prefixId, :accountId, :livemode, :sourceType, :uploadStatus, :url, :filename,
			  :contentType, :size, :sha256, :provider, :now, :now)
			""";

	private static final String USED_BY = """
			select e.prefix_id from experience_files ef join experiences e on e.id = ef.experience_id
			where ef.file_id = :id order by e.id
			""";

	private static final String LOCK = "select id from files where id = :id for update";

	private static final String DELETE = "delete from files where id = :id";

	private static final String MARK_READY = """
			update files set upload_status = 'ready', size = :size, sha256 = :sha256, updated_at = :now
			where id = :id and upload_status = 'pending'
			""";

	private final JdbcClient jdbc;

	FileRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<StoredFile> find(long accountId, boolean livemode, String key) {
		return Scoped.byKey(this.jdbc, BY_KEY, accountId, livemode, key, FileRepository::row);
	}

	/**
	 * A file by its prefixed id alone: a signed URL names it, the signature scopes it.
	 */
	Optional<StoredFile> byPrefixId(String prefixId) {
		return this.jdbc.sql(BY_PREFIX_ID).param("prefixId", prefixId).query(FileRepository::row).optional();
	}

	List<StoredFile> byIds(long accountId, boolean livemode, Collection<Long> ids) {
		return Scoped.byIds(this.jdbc, BY_IDS, accountId, livemode, ids, FileRepository::row);
	}

	List<StoredFile> resolve(long accountId, boolean livemode, List<Long> ids, List<String> prefixIds) {
		return this.jdbc.sql(RESOLVE)
			.param("accountId", accountId)
			.param("livemode", livemode)
			.param("ids", ids.isEmpty() ? List.of(-1L) : ids)
			.param("prefixIds", prefixIds.isEmpty() ? List.of("") : prefixIds)
			.query(FileRepository::row)
			.list();
	}

	long count(long accountId, boolean livemode, @Nullable String sourceType) {
		return Scoped.count(this.jdbc, COUNT, accountId, livemode, "sourceType", sourceType);
	}

	List<StoredFile> page(long accountId, boolean livemode, @Nullable String sourceType, PageQuery page) {
		return Scoped.page(this.jdbc, PAGE, accountId, livemode, "sourceType", sourceType, page, FileRepository::row);
	}

	long insert(StoredFile file, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql(INSERT)
			.param("prefixId", file.prefixId())
			.param("accountId", file.accountId())
			.param("livemode", file.livemode())
			.param("sourceType", file.sourceType())
			.param("uploadStatus", file.uploadStatus())
			.param("url", file.url())
			.param("filename", file.filename())
			.param("contentType", file.contentType())
			.param("size", file.size())
			.param("sha256", file.sha256())
			.param("provider", file.provider())
			.param("now", Times.db(now))
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	/** Locks the file's row, so no experience can take it while it is deleted. */
	void lock(long id) {
		this.jdbc.sql(LOCK).param("id", id).query(Long.class).optional();
	}

	/** The prefixed ids of the experiences that grant the file. */
	List<String> usedBy(long id) {
		return this.jdbc.sql(USED_BY).param("id", id).query(String.class).list();
	}

	/** Marks a pending upload ready; false when it no longer was pending. */
	boolean markReady(long id, long size, String sha256, Instant now) {
		return this.jdbc.sql(MARK_READY)
			.param("id", id)
			.param("size", size)
			.param("sha256", sha256)
			.param("now", Times.db(now))
			.update() == 1;
	}

	void delete(long id) {
		this.jdbc.sql(DELETE).param("id", id).update();
	}

	private static StoredFile row(ResultSet rs, int n) throws SQLException {
		return new StoredFile(rs.getLong("id"), rs.getString("prefix_id"), rs.getLong("account_id"),
				rs.getBoolean("livemode"), rs.getString("source_type"), rs.getString("upload_status"),
				rs.getString("url"), rs.getString("filename"), rs.getString("content_type"),
				Rows.nullableLong(rs, "size"), rs.getString("sha256"), rs.getString("provider"),
				Times.read(rs, "created_at"), Times.read(rs, "updated_at"));
	}

}
