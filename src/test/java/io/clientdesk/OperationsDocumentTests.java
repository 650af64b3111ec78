package io.clientdesk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.clientdesk.support.GeneratedSections;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/operations.md lists every {@code clientdesk.*} setting with its default and
 * meaning, as the code declares them: the table is written from the metadata that Spring
 * Boot's configuration processor makes of the {@code @ConfigurationProperties} records
 * (their {@code @DefaultValue}s and {@code @param} descriptions). When a setting changes,
 * this test fails; run it with {@code -Dclientdesk.docs.write=true} to write the table
 * again.
 */
class OperationsDocumentTests {

	@Test
	void the_operations_document_lists_every_setting_with_its_default_and_meaning() throws IOException {
		GeneratedSections.check(Path.of("docs/operations.md"), Map.of("settings", settingsTable()));
	}

	private static String settingsTable() throws IOException {
		JsonNode metadata;
		try (InputStream in = OperationsDocumentTests.class
			.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(in).as("the configuration processor's metadata").isNotNull();
			metadata = JsonMapper.builder().build().readTree(in);
		}
		List<String> rows = new ArrayList<>();
		for (JsonNode property : metadata.get("properties")) {
			String name = property.get("name").asString();
			if (!name.startsWith("clientdesk.")) {
				continue;
			}
			assertThat(property.path("description").asString()).as("the description (@param) of " + name).isNotBlank();
			rows.add("| `" + name + "` | " + defaultValue(property) + " | "
					+ markdown(property.get("description").asString()) + " |\n");
		}
		assertThat(rows).isNotEmpty();
		return "| setting | default | what it does |\n|---|---|---|\n"
				+ String.join("", rows.stream().sorted().toList());
	}

	private static String markdown(String javadoc) {
		return javadoc.replaceAll("\\{@(?:code|link) ([^}]*)}", "`$1`").replace("|", "\\|").replaceAll("\\s+", " ");
	}

	private static String defaultValue(JsonNode property) {
		JsonNode value = property.get("defaultValue");
		if (value == null || value.isNull()) {
			return "—";
		}
		if (value.isArray()) {
			List<String> values = new ArrayList<>();
			value.forEach((item) -> values.add(item.asString()));
			return "`" + String.join(",", values) + "`";
		}
		return "`" + value.asString() + "`";
	}

}
