package io.clientdesk.importing.job;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.IntFunction;

import io.clientdesk.importing.file.FileSource;

/**
 * An uploaded file as stored: in chunks of {@link ImportRepository#FILE_CHUNK_BYTES},
 * each read when the reader gets to it, so that reading a file holds one chunk in memory.
 */
final class StoredFile implements FileSource {

	private final long size;

	private final IntFunction<byte[]> chunks;

	/**
	 * @param chunks the chunk of each number, from 0
	 */
	StoredFile(long size, IntFunction<byte[]> chunks) {
		this.size = size;
		this.chunks = chunks;
	}

	@Override
	public InputStream open() {
		return new InputStream() {

			private int next;

			private byte[] chunk = new byte[0];

			private int position;

			private long left = StoredFile.this.size;

			@Override
			public int read() throws IOException {
				byte[] one = new byte[1];
				return (read(one, 0, 1) < 0) ? -1 : (one[0] & 0xFF);
			}

			@Override
			public int read(byte[] buffer, int offset, int length) throws IOException {
				if (length == 0) {
					return 0;
				}
				if (this.position == this.chunk.length) {
					if (this.left == 0) {
						return -1;
					}
					this.chunk = StoredFile.this.chunks.apply(this.next++);
					this.position = 0;
					if (this.chunk == null || this.chunk.length == 0) {
						throw new IOException("The stored file ends before its " + StoredFile.this.size + " bytes");
					}
					this.left -= this.chunk.length;
				}
				int count = Math.min(length, this.chunk.length - this.position);
				System.arraycopy(this.chunk, this.position, buffer, offset, count);
				this.position += count;
				return count;
			}

		};
	}

	@Override
	public long size() {
		return this.size;
	}

}
