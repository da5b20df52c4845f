package dev.storekeeper.files;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An upload's bytes as they stream by: counted against the size limit (failing as soon as
 * it is passed, before the rest is read) and hashed with SHA-256.
 */
final class Counted extends FilterInputStream {

	private final long maxBytes;

	private final MessageDigest digest;

	private long count;

	Counted(InputStream in, long maxBytes) {
		super(in);
		this.maxBytes = maxBytes;
		try {
			this.digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public int read() throws IOException {
		int b = super.read();
		if (b >= 0) {
			counted(1);
			this.digest.update((byte) b);
		}
		return b;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		int n = super.read(buffer, offset, length);
		if (n > 0) {
			counted(n);
			this.digest.update(buffer, offset, n);
		}
		return n;
	}

	@Override
	public long skip(long n) {
		throw new UnsupportedOperationException("Every byte of an upload is hashed");
	}

	private void counted(int n) {
		this.count += n;
		if (this.count > this.maxBytes) {
			throw new FileTooLarge(this.maxBytes);
		}
	}

	long count() {
		return this.count;
	}

	String sha256() {
		return HexFormat.of().formatHex(this.digest.digest());
	}

}
