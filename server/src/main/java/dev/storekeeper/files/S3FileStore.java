package dev.storekeeper.files;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import dev.storekeeper.platform.web.Ids;

/**
 * Uploads in an S3 bucket (AWS, or a MinIO-like server through an endpoint override). An
 * upload is first spooled to a local temporary file (its length is unknown while it
 * streams in), then sent in one PUT, or as a multipart upload of 16 MiB parts when
 * larger.
 */
class S3FileStore implements FileStore {

	static final long PART_SIZE = 16L * 1024 * 1024;

	private static final Duration PRESIGNED_GET = Duration.ofSeconds(60);

	private final S3Client s3;

	private final S3Presigner presigner;

	private final String bucket;

	private final Path spool;

	S3FileStore(S3Client s3, S3Presigner presigner, String bucket, Path spool) {
		this.s3 = s3;
		this.presigner = presigner;
		this.bucket = bucket;
		this.spool = spool;
	}

	@Override
	public void put(String key, InputStream in, String contentType) throws IOException {
		Files.createDirectories(this.spool);
		Path temporary = this.spool.resolve("upload-" + Ids.random(16));
		try {
			long size = Files.copy(in, temporary);
			if (size <= PART_SIZE) {
				this.s3.putObject((put) -> put.bucket(this.bucket).key(key).contentType(contentType),
						RequestBody.fromFile(temporary));
			}
			else {
				multipart(key, temporary, size, contentType);
			}
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	private void multipart(String key, Path file, long size, String contentType) throws IOException {
		String uploadId = this.s3
			.createMultipartUpload((create) -> create.bucket(this.bucket).key(key).contentType(contentType))
			.uploadId();
		try {
			List<CompletedPart> parts = new ArrayList<>();
			try (InputStream in = Files.newInputStream(file)) {
				int number = 1;
				for (long offset = 0; offset < size; offset += PART_SIZE, number++) {
					long length = Math.min(PART_SIZE, size - offset);
					int part = number;
					String etag = this.s3
						.uploadPart(
								(upload) -> upload.bucket(this.bucket)
									.key(key)
									.uploadId(uploadId)
									.partNumber(part)
									.contentLength(length),
								RequestBody.fromInputStream(new Bounded(in, length), length))
						.eTag();
					parts.add(CompletedPart.builder().partNumber(part).eTag(etag).build());
				}
			}
			this.s3.completeMultipartUpload((complete) -> complete.bucket(this.bucket)
				.key(key)
				.uploadId(uploadId)
				.multipartUpload(CompletedMultipartUpload.builder().parts(parts).build()));
		}
		catch (RuntimeException | IOException ex) {
			this.s3.abortMultipartUpload((abort) -> abort.bucket(this.bucket).key(key).uploadId(uploadId));
			throw ex;
		}
	}

	@Override
	public void delete(String key) {
		this.s3.deleteObject((delete) -> delete.bucket(this.bucket).key(key));
	}

	@Override
	public InputStream open(String key) throws IOException {
		try {
			return this.s3.getObject((get) -> get.bucket(this.bucket).key(key));
		}
		catch (NoSuchKeyException ex) {
			throw new java.nio.file.NoSuchFileException(key);
		}
	}

	@Override
	public @Nullable URI presignedGet(String key, String filename, String contentType) {
		GetObjectRequest get = GetObjectRequest.builder()
			.bucket(this.bucket)
			.key(key)
			.responseContentType(contentType)
			.responseContentDisposition(Downloads.attachment(filename))
			.build();
		return URI.create(this.presigner
			.presignGetObject((presign) -> presign.signatureDuration(PRESIGNED_GET).getObjectRequest(get))
			.url()
			.toString());
	}

	@Override
	public @Nullable URI presignedPut(String key, String contentType, Duration ttl) {
		return URI.create(this.presigner
			.presignPutObject((presign) -> presign.signatureDuration(ttl)
				.putObjectRequest((put) -> put.bucket(this.bucket).key(key).contentType(contentType)))
			.url()
			.toString());
	}

	/** At most {@code limit} bytes of a stream, leaving the rest for the next part. */
	private static final class Bounded extends InputStream {

		private final InputStream in;

		private long left;

		Bounded(InputStream in, long limit) {
			this.in = in;
			this.left = limit;
		}

		@Override
		public int read() throws IOException {
			if (this.left <= 0) {
				return -1;
			}
			int b = this.in.read();
			if (b >= 0) {
				this.left--;
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			if (this.left <= 0) {
				return -1;
			}
			int n = this.in.read(buffer, offset, (int) Math.min(length, this.left));
			if (n > 0) {
				this.left -= n;
			}
			return n;
		}

		@Override
		public void close() {
			// the file stream is closed once, after the last part
		}

	}

}
