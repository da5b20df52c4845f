package dev.storekeeper.files;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.platform.web.Ids;

/**
 * Uploads on the local disk, under
 * {@code $STOREKEEPER_DATA_DIR/files/<account>/<test|live>/}; each is written to a
 * temporary name and moved into place once complete.
 */
class LocalFileStore implements FileStore {

	private final Path root;

	LocalFileStore(Path root) {
		this.root = root;
	}

	@Override
	public void put(String key, InputStream in, String contentType) throws IOException {
		Path target = path(key);
		Files.createDirectories(target.getParent());
		Path partial = target.resolveSibling(target.getFileName() + ".part-" + Ids.random(8));
		try {
			Files.copy(in, partial);
			Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(partial);
		}
	}

	@Override
	public void delete(String key) throws IOException {
		Files.deleteIfExists(path(key));
	}

	@Override
	public InputStream open(String key) throws IOException {
		return Files.newInputStream(path(key));
	}

	@Override
	public @Nullable URI presignedGet(String key, String filename, String contentType) {
		return null;
	}

	@Override
	public @Nullable URI presignedPut(String key, String contentType, Duration ttl) {
		return null;
	}

	private Path path(String key) {
		Path path = this.root.resolve(key).normalize();
		if (!path.startsWith(this.root)) {
			throw new IllegalArgumentException("Storage keys stay inside the files directory");
		}
		return path;
	}

}
