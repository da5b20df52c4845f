package dev.storekeeper.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.storekeeper.platform.web.Caller;
import dev.storekeeper.platform.web.Errors;
import dev.storekeeper.platform.web.Ids;
import dev.storekeeper.platform.web.NotFound;
import dev.storekeeper.platform.web.Page;
import dev.storekeeper.platform.web.PageQuery;
import dev.storekeeper.platform.web.PublicUrl;
import dev.storekeeper.platform.web.Ref;
import dev.storekeeper.platform.Times;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.unit.DataSize;
import org.springframework.web.util.UriUtils;

/**
 * Files: uploads streamed into storage and counted against {@code FILES_MAX_SIZE} as they
 * arrive, external links, and the signed, expiring URLs that serve an upload's bytes.
 */
@Service
public class Files {

	private static final Logger log = LoggerFactory.getLogger(Files.class);

	static final long MAX_EXPIRES_IN = 604_800;

	private static final Duration UPLOAD_TTL = Duration.ofHours(1);

	/**
	 * Signed before an upload URL's prefixId, so a download signature never opens an
	 * upload.
	 */
	private static final String UPLOAD_PURPOSE = "upload.";

	private final FileRepository files;

	private final FileStore store;

	private final UrlSigner signer;

	private final Clock clock;

	private final long maxBytes;

	private final Duration urlTtl;

	private final PublicUrl publicUrl;

	Files(FileRepository files, FileStore store, UrlSigner signer, Clock clock,
			@Value("${storekeeper.files.max-size:2GB}") DataSize maxSize,
			@Value("${storekeeper.files.url-ttl:1h}") Duration urlTtl, PublicUrl publicUrl) {
		this.files = files;
		this.store = store;
		this.signer = signer;
		this.clock = clock;
		this.maxBytes = maxSize.toBytes();
		this.urlTtl = urlTtl;
		this.publicUrl = publicUrl;
	}

	long maxBytes() {
		return this.maxBytes;
	}

	/**
	 * Streams {@code in} into storage under a new prefixed id, counting it against
	 * {@code FILES_MAX_SIZE} ({@link FileTooLarge} as soon as it is passed) and hashing
	 * it; nothing is recorded yet and no database connection is held meanwhile.
	 */
	Received receive(Caller caller, InputStream in, String contentType) {
		String prefixId = Ids.next("file");
		String key = StoredFile.key(caller.accountId(), caller.livemode(), prefixId);
		Counted counted = new Counted(in, this.maxBytes);
		try {
			this.store.put(key, counted, contentType);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Storing an upload failed", ex);
		}
		return new Received(prefixId, key, counted.count(), counted.sha256());
	}

	/**
	 * Records received bytes as a ready upload; empty ones are a validation error on
	 * {@code file}. The bytes are removed when it fails.
	 */
	StoredFile record(Caller caller, Received received, String filename, String contentType) {
		if (received.size() == 0) {
			discard(received);
			throw Errors.of("file", "can't be blank");
		}
		Instant now = Times.now(this.clock);
		StoredFile file = new StoredFile(0, received.prefixId(), caller.accountId(), caller.livemode(),
				StoredFile.UPLOAD, StoredFile.READY, null, filename, contentType, received.size(), received.sha256(),
				null, now, now);
		try {
			long id = this.files.insert(file, now);
			return new StoredFile(id, file.prefixId(), file.accountId(), file.livemode(), file.sourceType(),
					file.uploadStatus(), null, filename, contentType, file.size(), file.sha256(), null, now, now);
		}
		catch (RuntimeException ex) {
			discard(received);
			throw ex;
		}
	}

	/** Removes received bytes that will not be recorded. */
	void discard(Received received) {
		discard(received.key());
	}

	/**
	 * The reference flow's first step: a pending upload, and where to {@code PUT} its
	 * bytes within an hour (S3's presigned PUT, or the server's own signed
	 * {@code /uploads} URL).
	 */
	@Transactional
	Pending pending(Caller caller, String filename, String contentType) {
		Instant now = Times.now(this.clock);
		StoredFile file = new StoredFile(0, Ids.next("file"), caller.accountId(), caller.livemode(), StoredFile.UPLOAD,
				StoredFile.PENDING, null, filename, contentType, null, null, null, now, now);
		long id = this.files.insert(file, now);
		URI presigned = this.store.presignedPut(file.storageKey(), contentType, UPLOAD_TTL);
		long expires = now.plus(UPLOAD_TTL).getEpochSecond();
		String url = (presigned != null) ? presigned.toString() : this.publicUrl.of("/uploads/" + file.prefixId()
				+ "?expires=" + expires + "&signature=" + this.signer.sign(UPLOAD_PURPOSE + file.prefixId(), expires));
		return new Pending(get(caller, String.valueOf(id)), url, Map.of("Content-Type", contentType));
	}

	/**
	 * {@code PUT /uploads/{prefixId}}: the bytes of a pending upload, under the same
	 * checks as a download URL and the same size limit.
	 */
	Downloads.@Nullable Refused put(String prefixId, @Nullable String expires, @Nullable String signature,
			InputStream in) {
		Downloads.Refused refused = check(UPLOAD_PURPOSE + prefixId, expires, signature);
		if (refused != null) {
			return refused;
		}
		StoredFile file = this.files.byPrefixId(prefixId).filter(StoredFile::pendingUpload).orElse(null);
		if (file == null) {
			return new Downloads.Refused(404, "not_found", "No pending upload " + prefixId);
		}
		try {
			this.store.put(file.storageKey(), new Counted(in, this.maxBytes), file.contentType());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Storing an upload failed", ex);
		}
		return null;
	}

	/**
	 * The reference flow's last step: the stored bytes are measured and hashed, and the
	 * file becomes ready; nothing stored is a validation error on {@code file}.
	 */
	StoredFile uploaded(Caller caller, String key) {
		StoredFile file = find(caller, key);
		if (file.downloadable()) {
			return file;
		}
		if (!file.pendingUpload()) {
			throw Errors.of("file", "is not a pending upload");
		}
		Counted counted;
		try (InputStream in = this.store.open(file.storageKey())) {
			counted = new Counted(in, Long.MAX_VALUE);
			counted.transferTo(java.io.OutputStream.nullOutputStream());
		}
		catch (java.nio.file.NoSuchFileException ex) {
			throw Errors.of("file", "has not been uploaded: PUT its bytes to the uploadUrl first");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (counted.count() == 0) {
			throw Errors.of("file", "has not been uploaded: PUT its bytes to the uploadUrl first");
		}
		if (counted.count() > this.maxBytes) {
			discard(file.storageKey());
			throw new FileTooLarge(this.maxBytes);
		}
		this.files.markReady(file.id(), counted.count(), counted.sha256(), Times.now(this.clock));
		return find(caller, key);
	}

	/**
	 * Records an external link ({@code sourceType external} + an http(s) {@code url}).
	 */
	@Transactional
	StoredFile external(Caller caller, String url, @Nullable String filename) {
		Instant now = Times.now(this.clock);
		String name = (filename != null && !filename.isBlank()) ? filename.trim() : lastSegment(url);
		StoredFile file = new StoredFile(0, Ids.next("file"), caller.accountId(), caller.livemode(),
				StoredFile.EXTERNAL, StoredFile.READY, url, name, Downloads.contentType(name), null, null,
				provider(url), now, now);
		long id = this.files.insert(file, now);
		return get(caller, String.valueOf(id));
	}

	@Transactional(readOnly = true)
	Page<StoredFile> list(Caller caller, PageQuery page, @Nullable String sourceType) {
		long count = this.files.count(caller.accountId(), caller.livemode(), sourceType);
		return Page.of(this.files.page(caller.accountId(), caller.livemode(), sourceType, page), page, count);
	}

	@Transactional(readOnly = true)
	StoredFile get(Caller caller, String key) {
		return find(caller, key);
	}

	/**
	 * Deletes a file no experience grants; its bytes are removed once the deletion has
	 * committed.
	 */
	@Transactional
	StoredFile delete(Caller caller, String key) {
		StoredFile file = find(caller, key);
		this.files.lock(file.id());
		List<String> usedBy = this.files.usedBy(file.id());
		if (!usedBy.isEmpty()) {
			throw Errors.of("file", "is used by " + String.join(", ", usedBy));
		}
		this.files.delete(file.id());
		if (file.sourceType().equals(StoredFile.UPLOAD)) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					discard(file.storageKey());
				}
			});
		}
		return file;
	}

	/**
	 * A signed URL of a ready upload valid for {@code expiresIn} seconds, and its expiry.
	 */
	@Transactional(readOnly = true)
	SignedUrl downloadUrl(Caller caller, String key, long expiresIn) {
		StoredFile file = find(caller, key);
		if (!file.downloadable()) {
			throw Errors.of("file", "is not a ready upload");
		}
		long expires = Times.now(this.clock).getEpochSecond() + expiresIn;
		return new SignedUrl(url(file.prefixId(), file.filename(), expires), Instant.ofEpochSecond(expires));
	}

	/**
	 * The {@code fileUrl} of a file as read now: signed for {@code FILES_URL_TTL}, or
	 * null.
	 */
	@Nullable String fileUrl(StoredFile file) {
		if (!file.downloadable()) {
			return null;
		}
		return url(file.prefixId(), file.filename(), expiry());
	}

	/**
	 * The integer ids of {@code refs} (integer or {@code file_} prefixed ids), in order
	 * and without repeats, each a ready upload of the caller's, locked until the
	 * transaction ends so it cannot be deleted meanwhile; otherwise a validation error on
	 * {@code field}.
	 */
	@Transactional
	public List<Long> resolveReady(long accountId, boolean livemode, List<Ref> refs, String field) {
		if (refs.isEmpty()) {
			return List.of();
		}
		List<Long> ids = refs.stream().map(Ref::id).filter(Objects::nonNull).toList();
		List<String> prefixIds = refs.stream().map(Ref::prefixId).filter(Objects::nonNull).toList();
		Map<String, StoredFile> found = new LinkedHashMap<>();
		for (StoredFile file : this.files.resolve(accountId, livemode, ids, prefixIds)) {
			found.put(String.valueOf(file.id()), file);
			found.put(file.prefixId(), file);
		}
		Set<Long> result = new LinkedHashSet<>();
		for (Ref ref : refs) {
			StoredFile file = found.get((ref.id() != null) ? String.valueOf(ref.id()) : ref.prefixId());
			if (file == null) {
				throw Errors.of(field, "contains an unknown file");
			}
			if (!file.downloadable()) {
				throw Errors.of(field, "contains a file that is not a ready upload: " + file.prefixId());
			}
			result.add(file.id());
		}
		return List.copyOf(result);
	}

	/**
	 * What another capability shows of the caller's files {@code ids} that still exist.
	 */
	@Transactional(readOnly = true)
	public Map<Long, FileSummary> summaries(long accountId, boolean livemode, Collection<Long> ids) {
		Map<Long, FileSummary> result = new LinkedHashMap<>();
		for (StoredFile file : this.files.byIds(accountId, livemode, Set.copyOf(ids))) {
			result.put(file.id(),
					new FileSummary(file.id(), file.prefixId(), file.filename(), file.contentType(), file.size()));
		}
		return result;
	}

	/** A fresh signed download URL of a file, valid for {@code FILES_URL_TTL}. */
	public String signedUrl(FileSummary file) {
		return url(file.prefixId(), file.filename(), expiry());
	}

	/**
	 * What a signed URL serves: refused (403) unless the signature is the one of
	 * {@code prefixId} and {@code expires}, gone (410) once expired, not found (404) once
	 * deleted.
	 */
	Downloads.Outcome download(String prefixId, @Nullable String expires, @Nullable String signature) {
		Downloads.Refused refused = check(prefixId, expires, signature);
		if (refused != null) {
			return refused;
		}
		StoredFile file = this.files.byPrefixId(prefixId).filter(StoredFile::downloadable).orElse(null);
		if (file == null) {
			return new Downloads.Refused(404, "not_found", "File not found");
		}
		URI presigned = this.store.presignedGet(file.storageKey(), file.filename(), file.contentType());
		if (presigned != null) {
			return new Downloads.Redirect(presigned);
		}
		try {
			return new Downloads.Bytes(file, this.store.open(file.storageKey()));
		}
		catch (java.nio.file.NoSuchFileException ex) {
			return new Downloads.Refused(404, "not_found", "File not found");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * 403 unless {@code signature} signs {@code signed} and {@code expires}; 410 once
	 * expired.
	 */
	private Downloads.@Nullable Refused check(String signed, @Nullable String expires, @Nullable String signature) {
		long expiresAt;
		try {
			expiresAt = (expires != null) ? Long.parseLong(expires) : -1;
		}
		catch (NumberFormatException ex) {
			expiresAt = -1;
		}
		if (expiresAt < 0 || signature == null || !this.signer.verify(signed, expiresAt, signature)) {
			return new Downloads.Refused(403, "forbidden", "The signature of this link is not valid");
		}
		if (Times.now(this.clock).getEpochSecond() >= expiresAt) {
			return new Downloads.Refused(410, "gone", "This link has expired");
		}
		return null;
	}

	private long expiry() {
		return Times.now(this.clock).plus(this.urlTtl).getEpochSecond();
	}

	private String url(String prefixId, String filename, long expires) {
		return this.publicUrl.of("/files/" + prefixId + "/" + UriUtils.encodePathSegment(filename, "UTF-8")
				+ "?expires=" + expires + "&signature=" + this.signer.sign(prefixId, expires));
	}

	private StoredFile find(Caller caller, String key) {
		return this.files.find(caller.accountId(), caller.livemode(), key).orElseThrow(() -> new NotFound("File"));
	}

	private void discard(String key) {
		try {
			this.store.delete(key);
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Could not remove the stored bytes of {}: {}", key, ex.getMessage());
		}
	}

	private static String lastSegment(String url) {
		String path = URI.create(url).getPath();
		if (path == null || path.isBlank() || path.endsWith("/")) {
			return "link";
		}
		return path.substring(path.lastIndexOf('/') + 1);
	}

	static @Nullable String provider(String url) {
		String host = URI.create(url).getHost();
		if (host == null) {
			return null;
		}
		host = host.toLowerCase(Locale.ROOT);
		if (host.equals("youtu.be") || host.equals("youtube.com") || host.endsWith(".youtube.com")) {
			return "youtube";
		}
		if (host.equals("vimeo.com") || host.endsWith(".vimeo.com")) {
			return "vimeo";
		}
		if (host.endsWith("wistia.com") || host.endsWith("wistia.net") || host.endsWith("wi.st")) {
			return "wistia";
		}
		return null;
	}

	/** A pending upload and where to PUT its bytes. */
	record Pending(StoredFile file, String uploadUrl, Map<String, String> uploadHeaders) {
	}

	/** Bytes in storage, not yet recorded as a file. */
	record Received(String prefixId, String key, long size, String sha256) {
	}

	/** A signed URL and when it stops working. */
	record SignedUrl(String url, Instant expiresAt) {
	}

}
