package io.clientdesk.importing.file;

import java.util.Map;

/**
 * One row of a file, corrected or dropped: its line (where its record starts, as errors
 * name it), and either the new values of some of its cells by column (the canonical
 * header, or any name the header accepts) or {@code drop}.
 */
public record RowCorrection(Integer line, Map<String, String> values, Boolean drop) {

	public boolean dropped() {
		return Boolean.TRUE.equals(this.drop);
	}

}
