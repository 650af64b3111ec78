package io.clientdesk.importing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.clientdesk.importing.file.ClientColumn;
import io.clientdesk.importing.file.ErrorCode;
import io.clientdesk.importing.file.Sizes;
import io.clientdesk.importing.job.ImportProperties;
import io.clientdesk.support.GeneratedSections;

/**
 * docs/import-format.md tells the same as the {@code /imports/format} page: its tables of
 * limits, columns and error codes are written from the definitions the importer and that
 * page use ({@link ClientColumn}, {@link ErrorCode}, {@link ImportProperties}). When they
 * change, this test fails; run it with {@code -Dclientdesk.docs.write=true} to write the
 * tables again (the text around them is written by hand).
 */
class ImportFormatDocumentTests {

	@Test
	void the_import_format_document_shows_the_importers_own_limits_columns_and_error_codes() throws IOException {
		GeneratedSections.check(Path.of("docs/import-format.md"),
				Map.of("limits", limits(), "columns", columns(), "errors", errorCodes()));
	}

	private static String limits() {
		var limits = ImportProperties.defaultLimits();
		return "- At most **" + Sizes.count(limits.maxRecords()) + " records** (the header and blank lines don't "
				+ "count) and **" + Sizes.bytes(limits.maxBytes()) + "** per file (settings "
				+ "`clientdesk.import.max-records` and `clientdesk.import.max-file-size`); a larger file is "
				+ "rejected as a whole (`413`).\n";
	}

	private static String columns() {
		StringBuilder table = new StringBuilder(
				"| column | also accepted | new client | accepted values | when left out or empty |\n"
						+ "|---|---|---|---|---|\n");
		for (ClientColumn column : ClientColumn.values()) {
			table.append("| `")
				.append(column.header())
				.append("` | ")
				.append(column.aliases().stream().map((alias) -> "`" + alias + "`").collect(Collectors.joining(", ")))
				.append(" | ")
				.append(column.requiredOnCreate() ? "required" : "optional")
				.append(" | ")
				.append(cell(column.acceptedValues()))
				.append(" | ")
				.append(cell(column.defaultOnCreate()))
				.append(" |\n");
		}
		table.append("\nThe canonical header, as in the template and in exports:\n\n```\n")
			.append(String.join(",", ClientColumn.canonicalHeaders()))
			.append("\n```\n");
		return table.toString();
	}

	private static String errorCodes() {
		return "| code | meaning |\n|---|---|\n" + Arrays.stream(ErrorCode.values())
			.map((code) -> "| `" + code.code() + "` | " + cell(code.description()) + " |\n")
			.collect(Collectors.joining());
	}

	private static String cell(String text) {
		return text.replace("|", "\\|");
	}

}
