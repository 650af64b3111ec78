package io.clientdesk.importing.file;

/**
 * Small helpers for cell text.
 */
public final class Cells {

	private static final int SHOWN_LENGTH = 40;

	private Cells() {
	}

	/**
	 * The cell without surrounding whitespace, no-break spaces included (Excel exports
	 * them), and without surrounding line breaks and tabs.
	 */
	public static String trim(String cell) {
		if (cell == null) {
			return "";
		}
		int start = 0;
		int end = cell.length();
		while (start < end && isBlank(cell.charAt(start))) {
			start++;
		}
		while (end > start && isBlank(cell.charAt(end - 1))) {
			end--;
		}
		return cell.substring(start, end);
	}

	/**
	 * The value in single quotes for a message, shortened when long, with line breaks and
	 * tabs made visible.
	 */
	public static String quote(String value) {
		String shown = shortened(value);
		return "'" + shown.replace("\t", "\\t").replace("\r", "\\r").replace("\n", "\\n") + "'";
	}

	/**
	 * The value, cut to its first {@value #SHOWN_LENGTH} characters and "…" when longer,
	 * never between the halves of a surrogate pair (an emoji).
	 */
	static String shortened(String value) {
		if (value.length() <= SHOWN_LENGTH) {
			return value;
		}
		int end = Character.isHighSurrogate(value.charAt(SHOWN_LENGTH - 1)) ? SHOWN_LENGTH - 1 : SHOWN_LENGTH;
		return value.substring(0, end) + "…";
	}

	/**
	 * Whether {@link #trim(String)} removes the character from either end of a cell.
	 */
	static boolean isBlank(char c) {
		return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF';
	}

}
