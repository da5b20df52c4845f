package dev.storekeeper.files;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import dev.storekeeper.platform.web.Access;
import dev.storekeeper.support.ApiTest;
import dev.storekeeper.support.Http;
import dev.storekeeper.support.Http.Response;
import dev.storekeeper.support.Sellers.Seller;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Files on the local disk, through the HTTP API and signed URLs. */
@Import(FilesApiTests.Clocks.class)
// a small pool: this context lives beside the shared one, on a PostgreSQL others use too
@TestPropertySource(properties = { "storekeeper.files.max-size=64KB", "storekeeper.database-pool-size=3" })
class FilesApiTests extends ApiTest {

	@Autowired
	MovableClock clock;

	@Value("${storekeeper.data-dir}")
	String dataDir;

	@Test
	void uploadsListsGetsAndDeletesAFile() throws Exception {
		Seller seller = this.sellers.create();
		Http api = this.http.as(seller.test());
		Response created = Multipart.upload(api, "notes.txt", "text/plain; charset=utf-8", "hello files");
		assertThat(created.status()).isEqualTo(201);
		String prefixId = created.at("/prefixId");
		assertThat(prefixId).startsWith("file_");
		assertThat(created.header("Location")).isEqualTo("/v1/files/" + prefixId);
		assertThat(created.at("/object")).isEqualTo("file");
		assertThat(created.at("/sourceType")).isEqualTo("upload");
		assertThat(created.at("/uploadStatus")).isEqualTo("ready");
		assertThat(created.at("/filename")).isEqualTo("notes.txt");
		assertThat(created.at("/contentType")).isEqualTo("text/plain; charset=utf-8");
		assertThat(created.at("/size")).isEqualTo("11");
		assertThat(created.at("/sha256")).isEqualTo(sha256("hello files"));
		assertThat(created.json().get("livemode").asBoolean()).isFalse();
		Path stored = Path.of(this.dataDir, "files", String.valueOf(seller.account().id()), "test", prefixId);
		assertThat(stored).hasContent("hello files");

		String fileUrl = created.at("/fileUrl");
		assertThat(fileUrl).startsWith("http://").contains("/files/" + prefixId + "/notes.txt?expires=");
		Response download = this.http.get(fileUrl.substring(fileUrl.indexOf("/files/")));
		assertThat(download.status()).isEqualTo(200);
		assertThat(download.body()).isEqualTo("hello files");
		assertThat(download.header("Content-Type")).startsWith("text/plain");
		assertThat(download.header("Content-Disposition")).startsWith("attachment").contains("notes.txt");
		assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");

		assertThat(api.get("/v1/files/" + prefixId).at("/filename")).isEqualTo("notes.txt");
		assertThat(api.get("/v1/files/" + created.at("/id")).at("/prefixId")).isEqualTo(prefixId);
		assertThat(api.get("/v1/files").at("/items/0/prefixId")).isEqualTo(prefixId);
		assertThat(api.get("/v1/files?source_type=upload").at("/pagination/count")).isEqualTo("1");
		assertThat(api.get("/v1/files?source_type=external").json().get("items")).isEmpty();
		assertThat(api.get("/v1/files?source_type=bogus").status()).isEqualTo(400);

		// another account, and the other mode, see nothing
		assertThat(this.http.as(this.sellers.create().test()).get("/v1/files/" + prefixId).status()).isEqualTo(404);
		assertThat(this.http.as(seller.live()).get("/v1/files/" + prefixId).status()).isEqualTo(404);
		assertThat(this.http.as(seller.live()).delete("/v1/files/" + prefixId).status()).isEqualTo(404);

		Response deleted = api.delete("/v1/files/" + prefixId);
		assertThat(deleted.status()).isEqualTo(200);
		assertThat(deleted.at("/prefixId")).isEqualTo(prefixId);
		assertThat(api.get("/v1/files/" + prefixId).status()).isEqualTo(404);
		assertThat(stored).doesNotExist();
		assertThat(this.http.get(fileUrl.substring(fileUrl.indexOf("/files/"))).status()).isEqualTo(404);
	}

	@Test
	void keepsTheFilenamePartAndGuessesTheTypeFromTheExtension() {
		Http api = this.http.as(this.sellers.create().test());
		byte[] body = new Multipart().file("file", "C:\\Users\\me\\scan.pdf", null, "%PDF-1.7".getBytes())
			.field("filename", "Handbook.pdf")
			.bytes();
		Response created = api.sendBytes("POST", "/v1/files", body, Multipart.CONTENT_TYPE);
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.at("/filename")).isEqualTo("Handbook.pdf");
		assertThat(created.at("/contentType")).isEqualTo("application/pdf");
		Response unknown = Multipart.upload(api, "data.zzz-unknown", null, "x");
		assertThat(unknown.at("/contentType")).isEqualTo("application/octet-stream");
	}

	@Test
	void refusesUploadsOverTheLimitEmptyOrMissingOrNotMultipart() throws Exception {
		Seller seller = this.sellers.create();
		Http api = this.http.as(seller.test());
		Response tooLarge = Multipart.upload(api, "big.bin", "application/octet-stream", "x".repeat(64 * 1024 + 1));
		assertThat(tooLarge.status()).isEqualTo(413);
		assertThat(tooLarge.at("/error/type")).isEqualTo("payload_too_large");
		// exactly at the limit is fine
		assertThat(Multipart.upload(api, "fits.bin", null, "x".repeat(64 * 1024)).status()).isEqualTo(201);

		Response empty = Multipart.upload(api, "empty.txt", "text/plain", "");
		assertThat(empty.status()).isEqualTo(422);
		assertThat(empty.json().at("/error/details/file/0").asString()).isEqualTo("can't be blank");
		Response missing = api.sendBytes("POST", "/v1/files", new Multipart().field("filename", "a.txt").bytes(),
				Multipart.CONTENT_TYPE);
		assertThat(missing.status()).isEqualTo(422);
		assertThat(missing.json().at("/error/details/file/0").asString()).isEqualTo("can't be blank");

		Response text = api.send("POST", "/v1/files", "hello", "text/plain");
		assertThat(text.status()).isEqualTo(415);
		assertThat(text.at("/error/type")).isEqualTo("unsupported_media_type");
		assertThat(api.send("POST", "/v1/files", null, null).status()).isEqualTo(415);

		// only the one that fit was kept, in the database and on disk
		assertThat(api.get("/v1/files").at("/pagination/count")).isEqualTo("1");
		Path directory = Path.of(this.dataDir, "files", String.valueOf(seller.account().id()), "test");
		try (var entries = java.nio.file.Files.list(directory)) {
			assertThat(entries.toList()).hasSize(1);
		}
	}

	@Test
	void signedUrlsExpireAndRefuseChangedSignatures() {
		Http api = this.http.as(this.sellers.create().test());
		String prefixId = Multipart.upload(api, "a.txt", "text/plain", "abc").at("/prefixId");
		Response made = api.post("/v1/files/" + prefixId + "/download_url", "{\"expiresIn\":60}");
		assertThat(made.status()).isEqualTo(200);
		String url = made.at("/url");
		String path = url.substring(url.indexOf("/files/"));
		long expires = Long.parseLong(path.replaceAll(".*expires=(\\d+).*", "$1"));
		assertThat(made.at("/expiresAt")).isEqualTo(java.time.Instant.ofEpochSecond(expires).toString());
		assertThat(this.http.get(path).body()).isEqualTo("abc");

		String signature = path.replaceAll(".*signature=", "");
		char last = signature.charAt(signature.length() - 1);
		String tampered = path.substring(0, path.length() - 1) + ((last == 'A') ? 'B' : 'A');
		assertThat(this.http.get(tampered).status()).isEqualTo(403);
		assertThat(this.http.get(path.replace("expires=" + expires, "expires=" + (expires + 3600))).status())
			.isEqualTo(403);
		assertThat(this.http.get(path.substring(0, path.indexOf("&signature="))).status()).isEqualTo(403);
		String other = Multipart.upload(api, "b.txt", "text/plain", "other").at("/prefixId");
		assertThat(this.http.get(path.replace(prefixId, other)).status()).isEqualTo(403);
		// the filename is not part of the signature
		assertThat(this.http.get(path.replace("/a.txt?", "/renamed.txt?")).status()).isEqualTo(200);

		this.clock.advance(Duration.ofSeconds(61));
		Response expired = this.http.get(path);
		assertThat(expired.status()).isEqualTo(410);
		assertThat(expired.at("/error/type")).isEqualTo("gone");

		assertThat(api.post("/v1/files/" + prefixId + "/download_url", "{\"expiresIn\":0}").status()).isEqualTo(422);
		assertThat(api.post("/v1/files/" + prefixId + "/download_url", "{\"expiresIn\":604801}").status())
			.isEqualTo(422);
		String byDefault = api.post("/v1/files/" + prefixId + "/download_url", null).at("/expiresAt");
		assertThat(java.time.Instant.parse(byDefault)).isAfter(this.clock.instant().plusSeconds(3500));
	}

	@Test
	void theFileUrlOfAReadIsValidForTheTtl() {
		Http api = this.http.as(this.sellers.create().test());
		String fileUrl = Multipart.upload(api, "ttl.txt", "text/plain", "ttl").at("/fileUrl");
		String path = fileUrl.substring(fileUrl.indexOf("/files/"));
		this.clock.advance(Duration.ofMinutes(59));
		assertThat(this.http.get(path).status()).isEqualTo(200);
		this.clock.advance(Duration.ofMinutes(2));
		assertThat(this.http.get(path).status()).isEqualTo(410);
	}

	@Test
	void readsNeedReadAccessAndWritesWriteAccess() {
		Seller seller = this.sellers.create();
		Http reader = this.http.as(seller.token(false, Access.READ));
		assertThat(Multipart.upload(reader, "a.txt", "text/plain", "a").status()).isEqualTo(403);
		String prefixId = Multipart.upload(this.http.as(seller.test()), "a.txt", "text/plain", "a").at("/prefixId");
		assertThat(reader.get("/v1/files/" + prefixId).status()).isEqualTo(200);
		assertThat(reader.delete("/v1/files/" + prefixId).status()).isEqualTo(403);
		assertThat(this.http.get("/v1/files").status()).isEqualTo(401);
	}

	@Test
	void anUploadWithAnIdempotencyKeyIsKeptOnce() {
		Http api = this.http.as(this.sellers.create().test()).header("Idempotency-Key", "upload-1");
		Response first = Multipart.upload(api, "once.txt", "text/plain", "once");
		Response again = Multipart.upload(api, "once.txt", "text/plain", "once");
		assertThat(first.status()).isEqualTo(201);
		assertThat(again.status()).isEqualTo(201);
		assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(again.at("/prefixId")).isEqualTo(first.at("/prefixId"));
		assertThat(api.get("/v1/files").at("/pagination/count")).isEqualTo("1");
	}

	@Test
	void recordsExternalLinksWithTheirProvider() {
		Http api = this.http.as(this.sellers.create().test());
		Response video = api.post("/v1/files",
				"{\"file\":{\"sourceType\":\"external\",\"url\":\"https://www.youtube.com/watch?v=abc\"}}");
		assertThat(video.status()).isEqualTo(201);
		assertThat(video.at("/sourceType")).isEqualTo("external");
		assertThat(video.at("/uploadStatus")).isEqualTo("ready");
		assertThat(video.at("/provider")).isEqualTo("youtube");
		assertThat(video.at("/url")).isEqualTo("https://www.youtube.com/watch?v=abc");
		assertThat(video.json().get("fileUrl").isNull()).isTrue();
		assertThat(api.get("/v1/files?source_type=external").at("/pagination/count")).isEqualTo("1");
		Response bad = api.post("/v1/files", "{\"file\":{\"sourceType\":\"external\",\"url\":\"ftp://x\"}}");
		assertThat(bad.status()).isEqualTo(422);
		assertThat(bad.json().at("/error/details/url/0").asString()).startsWith("must be an http(s) URL");
		assertThat(api.post("/v1/files/" + video.at("/prefixId") + "/download_url", "{}").status()).isEqualTo(422);
	}

	@Test
	void aFileGrantedByADownloadExperienceCannotBeDeleted() {
		Seller seller = this.sellers.create();
		Http api = this.http.as(seller.test());
		Response file = Multipart.upload(api, "guide.pdf", "application/pdf", "%PDF");
		String prefixId = file.at("/prefixId");
		Response experience = api.post("/v1/experiences", "{\"experience\":{\"name\":\"Downloads\",\"itemType\":"
				+ "\"download\",\"content\":{\"files\":[\"" + prefixId + "\"," + file.at("/id") + "]}}}");
		assertThat(experience.status()).isEqualTo(201);
		assertThat(experience.at("/content/files/0/fileId")).isEqualTo(prefixId);
		assertThat(experience.at("/content/files/0/filename")).isEqualTo("guide.pdf");
		assertThat(experience.at("/content/files/0/contentType")).isEqualTo("application/pdf");
		assertThat(experience.at("/content/files/0/size")).isEqualTo("4");
		assertThat(experience.json().at("/content/files")).hasSize(1);
		assertThat(api.get("/v1/experiences?type=download").at("/items/0/content/files/0/fileId")).isEqualTo(prefixId);

		Response refused = api.delete("/v1/files/" + prefixId);
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.json().at("/error/details/file/0").asString())
			.isEqualTo("is used by " + experience.at("/prefixId"));
		assertThat(api.get("/v1/files/" + prefixId).status()).isEqualTo(200);

		// only ready uploads of the caller's, in its mode
		String external = api
			.post("/v1/files", "{\"file\":{\"sourceType\":\"external\",\"url\":\"https://vimeo.com/1\"}}")
			.at("/prefixId");
		String foreign = Multipart.upload(this.http.as(this.sellers.create().test()), "x.txt", "text/plain", "x")
			.at("/prefixId");
		String live = Multipart.upload(this.http.as(seller.live()), "x.txt", "text/plain", "x").at("/prefixId");
		for (String bad : new String[] { external, foreign, live, "file_nope" }) {
			Response invalid = api.post("/v1/experiences", "{\"experience\":{\"name\":\"Bad\",\"itemType\":"
					+ "\"download\",\"content\":{\"files\":[\"" + bad + "\"]}}}");
			assertThat(invalid.status()).isEqualTo(422);
			assertThat(invalid.json().at("/error/details").has("content.files")).isTrue();
		}
		assertThat(api.get("/v1/experiences?type=download").at("/pagination/count")).isEqualTo("1");

		// once the experience no longer grants it, the file can go
		assertThat(api
			.patch("/v1/experiences/" + experience.at("/prefixId"), "{\"experience\":{\"content\":{\"files\":[]}}}")
			.json()
			.at("/content/files")).isEmpty();
		assertThat(api.delete("/v1/files/" + prefixId).status()).isEqualTo(200);
	}

	@Test
	void theReferenceFlowMakesAPendingUploadReadyOnceItsBytesArePut() throws Exception {
		Http api = this.http.as(this.sellers.create().test());
		Response pending = api.post("/v1/files", "{\"file\":{\"filename\":\"slides.pdf\"}}");
		assertThat(pending.status()).isEqualTo(201);
		assertThat(pending.at("/uploadStatus")).isEqualTo("pending");
		assertThat(pending.at("/contentType")).isEqualTo("application/pdf");
		assertThat(pending.json().get("size").isNull()).isTrue();
		assertThat(pending.json().get("fileUrl").isNull()).isTrue();
		assertThat(pending.at("/uploadHeaders/Content-Type")).isEqualTo("application/pdf");
		String prefixId = pending.at("/prefixId");
		String uploadUrl = pending.at("/uploadUrl");
		assertThat(uploadUrl).contains("/uploads/" + prefixId + "?expires=");
		String path = uploadUrl.substring(uploadUrl.indexOf("/uploads/"));

		// nothing stored yet
		Response early = api.post("/v1/files/" + prefixId + "/uploaded", null);
		assertThat(early.status()).isEqualTo(422);
		assertThat(early.json().at("/error/details/file/0").asString()).startsWith("has not been uploaded");
		// a pending file cannot be granted
		assertThat(api
			.post("/v1/experiences",
					"{\"name\":\"D\",\"itemType\":\"download\",\"content\":{\"files\":[\"" + prefixId + "\"]}}")
			.status()).isEqualTo(422);

		assertThat(this.http.send("PUT", path.replace("signature=", "signature=x"), "x", "application/pdf").status())
			.isEqualTo(403);
		// a download signature does not open an upload
		String other = Multipart.upload(api, "o.txt", "text/plain", "o").at("/fileUrl");
		String downloadQuery = other.substring(other.indexOf('?'));
		assertThat(this.http.send("PUT", "/uploads/" + prefixId + downloadQuery, "x", "application/pdf").status())
			.isEqualTo(403);
		assertThat(this.http.send("PUT", path, "x".repeat(64 * 1024 + 1), "application/pdf").status()).isEqualTo(413);
		assertThat(this.http.send("PUT", path, "%PDF slides", "application/pdf").status()).isEqualTo(200);

		Response ready = api.post("/v1/files/" + prefixId + "/uploaded", null);
		assertThat(ready.status()).isEqualTo(200);
		assertThat(ready.at("/uploadStatus")).isEqualTo("ready");
		assertThat(ready.at("/size")).isEqualTo("11");
		assertThat(ready.at("/sha256")).isEqualTo(sha256("%PDF slides"));
		String fileUrl = ready.at("/fileUrl");
		assertThat(this.http.get(fileUrl.substring(fileUrl.indexOf("/files/"))).body()).isEqualTo("%PDF slides");
		// once ready, the upload URL no longer takes bytes
		assertThat(this.http.send("PUT", path, "changed", "application/pdf").status()).isEqualTo(404);

		Response later = api.post("/v1/files", "{\"file\":{\"filename\":\"late.bin\"}}");
		String latePath = later.at("/uploadUrl").substring(later.at("/uploadUrl").indexOf("/uploads/"));
		this.clock.advance(Duration.ofMinutes(61));
		assertThat(this.http.send("PUT", latePath, "late", null).status()).isEqualTo(410);
		assertThat(api.post("/v1/files", "{\"file\":{}}").status()).isEqualTo(422);
	}

	private static String sha256(String text) throws Exception {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Clocks {

		@Bean
		@Primary
		MovableClock movableClock() {
			return new MovableClock();
		}

	}

}
