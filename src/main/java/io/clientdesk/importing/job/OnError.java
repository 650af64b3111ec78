package io.clientdesk.importing.job;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What an import does with row errors: {@code fail} writes nothing (all or nothing, the
 * default); {@code skip} imports the valid rows and reports the others.
 */
public enum OnError {

	FAIL, SKIP;

	@JsonValue
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	@Override
	public String toString() {
		return value();
	}

	public static OnError of(String value) {
		for (OnError onError : values()) {
			if (onError.value().equalsIgnoreCase(value.trim())) {
				return onError;
			}
		}
		throw new IllegalArgumentException("'" + value + "' is not fail or skip");
	}

}
