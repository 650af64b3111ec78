package io.clientdesk.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parts of a document in {@code docs/} that are written from the code, between
 * {@code <!-- generated: NAME … -->} and {@code <!-- end of generated NAME -->}; the text
 * around them is written by hand. {@link #check} fails when they differ from what the
 * code says now; run the test with {@code -Dclientdesk.docs.write=true} to write them
 * again.
 */
public final class GeneratedSections {

	private static final Pattern SECTION = Pattern
		.compile("(<!-- generated: (\\w+)[^>]*-->\\n)(.*?)(<!-- end of generated \\2 -->)", Pattern.DOTALL);

	private GeneratedSections() {
	}

	/** Checks (or, when asked, writes) every generated section of the document. */
	public static void check(Path document, Map<String, String> sections) throws IOException {
		String text = Files.readString(document);
		Matcher section = SECTION.matcher(text);
		StringBuilder expected = new StringBuilder();
		int found = 0;
		while (section.find()) {
			String name = section.group(2);
			assertThat(sections).as("a generated section named " + name).containsKey(name);
			section.appendReplacement(expected,
					Matcher.quoteReplacement(section.group(1) + sections.get(name) + section.group(4)));
			found++;
		}
		section.appendTail(expected);
		assertThat(found).as("generated sections in " + document).isEqualTo(sections.size());
		if (Boolean.getBoolean("clientdesk.docs.write")) {
			Files.writeString(document, expected);
			text = expected.toString();
		}
		assertThat(text).as(document + " (write it again with -Dclientdesk.docs.write=true)")
			.isEqualTo(expected.toString());
	}

}
