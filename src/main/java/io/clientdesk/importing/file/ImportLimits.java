package io.clientdesk.importing.file;

/**
 * How big an import file may be: at most {@code maxRecords} records (the header and blank
 * lines don't count) and at most {@code maxBytes} bytes.
 */
public record ImportLimits(int maxRecords, long maxBytes) {

	public ImportLimits {
		if (maxRecords < 1 || maxBytes < 1) {
			throw new IllegalArgumentException(
					"Import limits must be positive, got " + maxRecords + " records and " + maxBytes + " bytes");
		}
	}

}
