package io.clientdesk.importing.file;

import java.util.Locale;

/**
 * Sizes and counts as people read them, the same in messages and on pages.
 */
public final class Sizes {

	private static final long KIB = 1024;

	private static final long MIB = 1024 * KIB;

	private Sizes() {
	}

	/** 10485760 as "10 MiB", 10485761 as "10.0 MiB (10485761 bytes)", 2048 as "2 KiB". */
	public static String bytes(long bytes) {
		if (bytes % MIB == 0) {
			return (bytes / MIB) + " MiB";
		}
		if (bytes >= MIB) {
			return String.format(Locale.ROOT, "%.1f MiB (%d bytes)", bytes / (double) MIB, bytes);
		}
		if (bytes % KIB == 0) {
			return (bytes / KIB) + " KiB";
		}
		return bytes + " bytes";
	}

	/**
	 * 5000 as "5 000" (a no-break space between thousands, as the file format page
	 * writes).
	 */
	public static String count(long value) {
		return String.format(Locale.ROOT, "%,d", value).replace(',', '\u00A0');
	}

}
