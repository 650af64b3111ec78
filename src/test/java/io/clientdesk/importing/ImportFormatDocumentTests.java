package io.clientdesk.importing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.clientdesk.importing.file.ClientColumn;
import io.clientdesk.importing.file.ErrorCode;
import io.clientdesk.importing.file.Sizes;
import io.clientdesk.importing.job.ImportProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/import-format.md tells the same as the {@code /imports/format} page: its tables of
 * limits, columns and error codes are written from the definitions the importer and that
 * page use ({@link ClientColumn}, {@link ErrorCode}, {@link ImportProperties}). When they
 * change, this test fails; run it with {@code -Dclientdesk.docs.write=true} to write the
 * tables again (the text around them is written by hand).
 */
class ImportFormatDocumentTests {

	private static final Path DOCUMENT = Path.of("docs/import-format.md");

	private static final Pattern SECTION = Pattern
		.compile("(<!-- generated: (\\w+)[^>]*-->\\n)(.*?)(<!-- end of generated \\2 -->)", Pattern.DOTALL);

	@Test
	void the_import_format_document_shows_the_importers_own_limits_columns_and_error_codes() throws IOException {
		String document = Files.readString(DOCUMENT);
		String expected = withGeneratedSections(document);
		if (Boolean.getBoolean("clientdesk.docs.write")) {
			Files.writeString(DOCUMENT, expected);
			document = expected;
		}
		assertThat(document).as("docs/import-format.md (write it again with -Dclientdesk.docs.write=true)")
			.isEqualTo(expected);
	}

	private static String withGeneratedSections(String document) {
		Map<String, String> sections = Map.of("limits", limits(), "columns", columns(), "errors", errorCodes());
		Matcher section = SECTION.matcher(document);
		StringBuilder result = new StringBuilder();
		int found = 0;
		while (section.find()) {
			String name = section.group(2);
			assertThat(sections).as("a generated section named " + name).containsKey(name);
			section.appendReplacement(result,
					Matcher.quoteReplacement(section.group(1) + sections.get(name) + section.group(4)));
			found++;
		}
		section.appendTail(result);
		assertThat(found).as("generated sections in docs/import-format.md").isEqualTo(sections.size());
		return result.toString();
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
