package io.clientdesk.importing.rows;

import java.util.Arrays;

/**
 * A set of strings, each with the line where it was first seen, that keeps no string:
 * only a 128-bit fingerprint of each (two independent 64-bit hashes), in open-addressed
 * arrays of about 40 bytes per string. A million emails then take about 40 MB instead of
 * the 150 MB of a {@code HashMap<String, Integer>}. Two different strings share a
 * fingerprint with a probability of about n²/2¹²⁹: below 10⁻²⁶ for a million, far below
 * that of a disk error, so a match is taken as the same string.
 */
final class Fingerprints {

	private static final int NONE = Integer.MIN_VALUE;

	private static final int FIRST_CAPACITY = 1024;

	private long[] high = new long[FIRST_CAPACITY];

	private long[] low = new long[FIRST_CAPACITY];

	private int[] lines = empty(FIRST_CAPACITY);

	private int size;

	/**
	 * Notes the string as seen on the line unless it was seen before; answers the line
	 * where it was first seen, or {@code null} if it is new.
	 */
	Integer putIfAbsent(String value, int line) {
		long h1 = 0xCBF29CE484222325L;
		long h2 = 0x9E3779B97F4A7C15L ^ value.length();
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			h1 = (h1 ^ c) * 0x100000001B3L;
			h2 = Long.rotateLeft(h2 ^ (c * 0xC2B2AE3D27D4EB4FL), 31) * 0x9E3779B97F4A7C15L;
		}
		h1 = mix(h1);
		h2 = mix(h2);
		int slot = find(h1, h2);
		if (this.lines[slot] != NONE) {
			return this.lines[slot];
		}
		this.high[slot] = h1;
		this.low[slot] = h2;
		this.lines[slot] = line;
		if (++this.size * 4 > this.lines.length * 3) {
			grow();
		}
		return null;
	}

	private int find(long h1, long h2) {
		int mask = this.lines.length - 1;
		int slot = (int) h1 & mask;
		while (this.lines[slot] != NONE && (this.high[slot] != h1 || this.low[slot] != h2)) {
			slot = (slot + 1) & mask;
		}
		return slot;
	}

	private void grow() {
		long[] oldHigh = this.high;
		long[] oldLow = this.low;
		int[] oldLines = this.lines;
		this.high = new long[oldLines.length * 2];
		this.low = new long[oldLines.length * 2];
		this.lines = empty(oldLines.length * 2);
		for (int i = 0; i < oldLines.length; i++) {
			if (oldLines[i] != NONE) {
				int slot = find(oldHigh[i], oldLow[i]);
				this.high[slot] = oldHigh[i];
				this.low[slot] = oldLow[i];
				this.lines[slot] = oldLines[i];
			}
		}
	}

	private static int[] empty(int capacity) {
		int[] lines = new int[capacity];
		Arrays.fill(lines, NONE);
		return lines;
	}

	/** MurmurHash3's finaliser: every bit of the hash depends on every bit given. */
	private static long mix(long hash) {
		hash ^= hash >>> 33;
		hash *= 0xFF51AFD7ED558CCDL;
		hash ^= hash >>> 33;
		hash *= 0xC4CEB9FE1A85EC53L;
		hash ^= hash >>> 33;
		return hash;
	}

}
