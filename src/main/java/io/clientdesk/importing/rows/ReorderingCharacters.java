package io.clientdesk.importing.rows;

import java.util.Locale;
import java.util.OptionalInt;

/**
 * The bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they
 * reorder the text after them wherever it is shown, so that a stored name reads as
 * something else (Ann, U+202E, gnp.exe shows as "Annexe.png"). The marks (U+200E, U+200F)
 * only set one character's direction, which right-to-left names may need, and stay
 * allowed.
 */
final class ReorderingCharacters {

	private ReorderingCharacters() {
	}

	/** The first reordering character of the text, if it has one. */
	static OptionalInt first(String text) {
		return text.codePoints()
			.filter((c) -> (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
			.findFirst();
	}

	/** The character by its code and name, as in "U+202E (RIGHT-TO-LEFT OVERRIDE)". */
	static String describe(int character) {
		return String.format(Locale.ROOT, "U+%04X", character) + " (" + Character.getName(character) + ")";
	}

}
