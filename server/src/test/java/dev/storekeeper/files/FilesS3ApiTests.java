package dev.storekeeper.files;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import dev.storekeeper.support.ApiTest;
import dev.storekeeper.support.Http;
import dev.storekeeper.support.Http.Response;
import dev.storekeeper.support.Sellers.Seller;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Files on S3-compatible storage: a real S3 server (S3Mock) runs as a separate process;
 * the AWS SDK reaches it through the endpoint override with path-style addressing.
 */
@TestPropertySource(properties = { "storekeeper.files.storage=s3", "storekeeper.files.max-size=40MB",
		"storekeeper.s3.bucket=" + S3Server.BUCKET, "storekeeper.s3.region=us-east-1",
		"storekeeper.s3.force-path-style=true", "storekeeper.s3.access-key-id=test-key",
		"storekeeper.s3.secret-access-key=test-secret", "storekeeper.database-pool-size=3" })
class FilesS3ApiTests extends ApiTest {

	private static S3Server server;

	@DynamicPropertySource
	static void s3(DynamicPropertyRegistry registry) {
		registry.add("storekeeper.s3.endpoint", () -> server().endpoint());
	}

	private static synchronized S3Server server() {
		if (server == null) {
			try {
				server = S3Server.start();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}
		return server;
	}

	@AfterAll
	static void stop() {
		if (server != null) {
			server.stop();
		}
	}

	@Test
	void uploadsToTheBucketAndRedirectsSignedUrlsToAPresignedGet() throws Exception {
		Seller seller = this.sellers.create();
		Http api = this.http.as(seller.test());
		Response created = Multipart.upload(api, "report.txt", "text/plain", "stored in s3");
		assertThat(created.status()).isEqualTo(201);
		String prefixId = created.at("/prefixId");
		String key = seller.account().id() + "/test/" + prefixId;
		try (S3Client s3 = client()) {
			assertThat(s3.getObjectAsBytes((get) -> get.bucket(S3Server.BUCKET).key(key)).asUtf8String())
				.isEqualTo("stored in s3");

			String fileUrl = created.at("/fileUrl");
			Response signed = this.http.get(fileUrl.substring(fileUrl.indexOf("/files/")));
			assertThat(signed.status()).isEqualTo(302);
			String location = signed.header("Location");
			assertThat(location).startsWith(server().endpoint() + "/" + S3Server.BUCKET + "/" + key)
				.contains("X-Amz-Expires=60");
			HttpResponse<String> presigned = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(location)).build(), HttpResponse.BodyHandlers.ofString());
			assertThat(presigned.statusCode()).isEqualTo(200);
			assertThat(presigned.body()).isEqualTo("stored in s3");

			// the same checks come before the redirect
			String tampered = fileUrl.substring(fileUrl.indexOf("/files/")).replace("expires=", "expires=1");
			assertThat(this.http.get(tampered).status()).isEqualTo(403);

			assertThat(api.delete("/v1/files/" + prefixId).status()).isEqualTo(200);
			assertThatThrownBy(() -> s3.headObject((head) -> head.bucket(S3Server.BUCKET).key(key)))
				.isInstanceOf(NoSuchKeyException.class);
			assertThat(this.http.get(fileUrl.substring(fileUrl.indexOf("/files/"))).status()).isEqualTo(404);
		}
	}

	@Test
	void sendsLargeUploadsInPartsAndRefusesThoseOverTheLimit() throws Exception {
		Seller seller = this.sellers.create();
		Http api = this.http.as(seller.test());
		byte[] bytes = new byte[(int) S3FileStore.PART_SIZE * 2 + 12345];
		new Random(16).nextBytes(bytes);
		Response created = api.sendBytes("POST", "/v1/files",
				new Multipart().file("file", "video.bin", "application/octet-stream", bytes).bytes(),
				Multipart.CONTENT_TYPE);
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.at("/size")).isEqualTo(String.valueOf(bytes.length));
		String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		assertThat(created.at("/sha256")).isEqualTo(sha256);
		String key = seller.account().id() + "/test/" + created.at("/prefixId");
		try (S3Client s3 = client()) {
			byte[] stored = s3.getObjectAsBytes((get) -> get.bucket(S3Server.BUCKET).key(key)).asByteArray();
			assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(stored))).isEqualTo(sha256);
		}

		Response tooLarge = api.sendBytes("POST", "/v1/files",
				new Multipart().file("file", "huge.bin", null, new byte[40 * 1024 * 1024 + 1]).bytes(),
				Multipart.CONTENT_TYPE);
		assertThat(tooLarge.status()).isEqualTo(413);
		assertThat(api.get("/v1/files").at("/pagination/count")).isEqualTo("1");
		try (S3Client s3 = client()) {
			assertThat(s3.listObjectsV2((list) -> list.bucket(S3Server.BUCKET).prefix(seller.account().id() + "/"))
				.contents()).hasSize(1);
		}
	}

	@Test
	void theReferenceFlowPutsToAPresignedUrl() throws Exception {
		Seller seller = this.sellers.create();
		Http api = this.http.as(seller.test());
		Response pending = api.post("/v1/files", "{\"file\":{\"filename\":\"notes.txt\"}}");
		assertThat(pending.status()).isEqualTo(201);
		String uploadUrl = pending.at("/uploadUrl");
		assertThat(uploadUrl).startsWith(server().endpoint() + "/" + S3Server.BUCKET + "/");
		HttpResponse<String> put = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(uploadUrl))
				.header("Content-Type", pending.at("/uploadHeaders/Content-Type"))
				.PUT(HttpRequest.BodyPublishers.ofString("presigned"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(put.statusCode()).isEqualTo(200);
		Response ready = api.post("/v1/files/" + pending.at("/prefixId") + "/uploaded", null);
		assertThat(ready.status()).isEqualTo(200);
		assertThat(ready.at("/uploadStatus")).isEqualTo("ready");
		assertThat(ready.at("/size")).isEqualTo("9");
	}

	private static S3Client client() {
		return S3Client.builder()
			.endpointOverride(URI.create(server().endpoint()))
			.region(Region.US_EAST_1)
			.forcePathStyle(true)
			.credentialsProvider(
					StaticCredentialsProvider.create(AwsBasicCredentials.create("test-key", "test-secret")))
			.build();
	}

}
