package io.clientdesk.importing.job;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What an undo does with a client changed since the import: {@code keep} leaves it as it
 * is now and reports it ({@code changed_since}), the default; {@code restore} puts back
 * its values from before the import all the same (or deletes it, if the import created
 * it).
 */
public enum UndoConflicts {

	KEEP, RESTORE;

	@JsonValue
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static UndoConflicts of(String value) {
		for (UndoConflicts choice : values()) {
			if (choice.value().equalsIgnoreCase(value.trim())) {
				return choice;
			}
		}
		throw new IllegalArgumentException("'" + value + "' is not keep or restore");
	}

}
