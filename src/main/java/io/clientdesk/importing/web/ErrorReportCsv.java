package io.clientdesk.importing.web;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;

import io.clientdesk.importing.file.RowError;
import io.clientdesk.shared.NotFoundException;

import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The error report of an import: a CSV with one row per problem, sorted by line.
 */
final class ErrorReportCsv {

	/**
	 * The report's header.
	 */
	static final List<String> HEADER = List.of("line", "column", "value", "code", "error");

	private ErrorReportCsv() {
	}

	/**
	 * The report as a download, for the API and the UI alike.
	 * @throws NotFoundException while the import has no errors
	 */
	static ResponseEntity<StreamingResponseBody> download(String importId, List<RowError> errors) {
		if (errors.isEmpty()) {
			throw new NotFoundException("Error report of import", importId);
		}
		return CsvDownload.of("import-" + importId + "-errors.csv", (out) -> write(errors, out));
	}

	/**
	 * Writes the report: the header, then the errors sorted by line and, within a line,
	 * by column in the order of the canonical header. Every cell is made
	 * {@link SpreadsheetSafe#cell(String) safe for spreadsheets}. The writer is flushed,
	 * not closed.
	 */
	static void write(List<RowError> errors, Writer out) throws IOException {
		CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(out);
		csv.writeRecord(HEADER);
		for (RowError error : errors.stream().sorted(RowError.byPosition()).toList()) {
			csv.writeRecord(String.valueOf(error.line()), SpreadsheetSafe.cell(error.column()),
					SpreadsheetSafe.cell(error.value()), error.code().code(), SpreadsheetSafe.cell(error.message()));
		}
		csv.flush();
	}

}
