package dev.storekeeper.files;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import dev.storekeeper.platform.web.BodyLimit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;

/**
 * Chooses where uploads live from {@code FILES_STORAGE}: {@code local} (the default) or
 * {@code s3} with the {@code S3_*} settings.
 */
@Configuration(proxyBeanMethods = false)
class FilesConfiguration {

	/** What a multipart body may hold besides the file itself. */
	private static final long MULTIPART_OVERHEAD = 64 * 1024;

	/**
	 * Uploads ({@code POST /v1/files} as multipart) stream past the default body limit:
	 * the file may be {@code FILES_MAX_SIZE} (the module counts it exactly), and the body
	 * around it its parts' boundaries, headers and the {@code filename} part.
	 */
	@Bean
	BodyLimit.LargeBody multipartUploads(@Value("${storekeeper.files.max-size:2GB}") DataSize maxSize) {
		return new BodyLimit.LargeBody("POST", "/v1/files", "multipart/form-data",
				maxSize.toBytes() + MULTIPART_OVERHEAD);
	}

	/** The signed {@code PUT /uploads/{prefixId}} of the reference flow, likewise. */
	@Bean
	BodyLimit.LargeBody signedUploads(@Value("${storekeeper.files.max-size:2GB}") DataSize maxSize) {
		return new BodyLimit.LargeBody("PUT", "/uploads/", maxSize.toBytes());
	}

	@Bean(destroyMethod = "")
	FileStore fileStore(@Value("${storekeeper.files.storage:local}") String storage,
			@Value("${storekeeper.data-dir:./data}") String dataDir, Environment environment) {
		Path root = Path.of(dataDir).toAbsolutePath().normalize().resolve("files");
		return switch (storage.trim().toLowerCase(Locale.ROOT)) {
			case "local" -> new LocalFileStore(root);
			case "s3" -> s3(environment, root.resolve(".spool"));
			default -> throw new IllegalStateException("FILES_STORAGE must be local or s3, not " + storage);
		};
	}

	private static FileStore s3(Environment environment, Path spool) {
		String bucket = environment.getProperty("storekeeper.s3.bucket", "");
		if (bucket.isBlank()) {
			throw new IllegalStateException("FILES_STORAGE=s3 needs S3_BUCKET");
		}
		Region region = Region.of(environment.getProperty("storekeeper.s3.region", "us-east-1"));
		String endpoint = environment.getProperty("storekeeper.s3.endpoint", "");
		boolean pathStyle = environment.getProperty("storekeeper.s3.force-path-style", Boolean.class, false);
		String keyId = environment.getProperty("storekeeper.s3.access-key-id", "");
		String secret = environment.getProperty("storekeeper.s3.secret-access-key", "");
		AwsCredentialsProvider credentials = (!keyId.isBlank() && !secret.isBlank())
				? StaticCredentialsProvider.create(AwsBasicCredentials.create(keyId, secret))
				: DefaultCredentialsProvider.builder().build();
		S3Configuration options = S3Configuration.builder().pathStyleAccessEnabled(pathStyle).build();
		software.amazon.awssdk.services.s3.S3ClientBuilder client = S3Client.builder()
			.region(region)
			.credentialsProvider(credentials)
			.serviceConfiguration(options);
		S3Presigner.Builder presigner = S3Presigner.builder()
			.region(region)
			.credentialsProvider(credentials)
			.serviceConfiguration(options);
		if (!endpoint.isBlank()) {
			client.endpointOverride(URI.create(endpoint));
			presigner.endpointOverride(URI.create(endpoint));
		}
		return new S3FileStore(client.build(), presigner.build(), bucket, spool);
	}

}
