package io.clientdesk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/architecture.md shows the house the code is: its table of modules lists, for each
 * module, every public type of the module's root package (its API), and nothing else.
 */
class ArchitectureDocumentTests {

	private static final Pattern ROW = Pattern.compile("^\\| `(\\w+)` \\|[^|]*\\|([^|]*)\\|", Pattern.MULTILINE);

	private static final Pattern TYPE = Pattern.compile("`(\\w+)`");

	@Test
	void the_modules_table_lists_each_modules_public_api_in_full() throws IOException {
		String document = modulesSection(Files.readString(Path.of("docs/architecture.md")));
		Map<String, Set<String>> documented = new TreeMap<>();
		Matcher row = ROW.matcher(document);
		while (row.find()) {
			Set<String> types = new TreeSet<>();
			Matcher type = TYPE.matcher(row.group(2));
			while (type.find()) {
				types.add(type.group(1));
			}
			documented.put(row.group(1), types);
		}

		Map<String, Set<String>> actual = new TreeMap<>();
		for (ApplicationModule module : ApplicationModules.of(ClientDeskApplication.class)) {
			String root = module.getBasePackage().getName();
			actual.put(module.getIdentifier().toString(),
					module.getBasePackage()
						.stream()
						.filter((type) -> type.getPackageName().equals(root))
						.filter((type) -> type.getModifiers().contains(JavaModifier.PUBLIC))
						.filter((type) -> type.isTopLevelClass() && !type.getSimpleName().equals("package-info"))
						.map(JavaClass::getSimpleName)
						.collect(Collectors.toCollection(TreeSet::new)));
		}

		assertThat(documented).isEqualTo(actual);
	}

	private static String modulesSection(String document) {
		int start = document.indexOf("\n## Modules\n");
		assertThat(start).as("docs/architecture.md has a section '## Modules'").isNotNegative();
		int end = document.indexOf("\n## ", start + 1);
		return document.substring(start, (end < 0) ? document.length() : end);
	}

}
