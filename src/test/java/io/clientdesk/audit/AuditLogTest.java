package io.clientdesk.audit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the audit log stores a text it did not write (a name tried at login, a search, a
 * file name): as it is, but with what would hide or forge something written out, and
 * bounded.
 */
class AuditLogTest {

	@Test
	void keeps_ordinary_text_and_emoji_as_they_are() {
		assertThat(AuditLog.text("Zoë Müller 😀 <b>", 100)).isEqualTo("Zoë Müller 😀 <b>");
	}

	@Test
	void writes_out_nul_line_breaks_bidi_overrides_and_lone_surrogates() {
		assertThat(AuditLog.text("a\0b\r\nc\u202Ed\uD800e", 100)).isEqualTo("a\\u0000b\\u000D\\u000Ac\\u202Ed\\uD800e");
	}

	@Test
	void cuts_a_long_text_and_says_so_without_splitting_a_character() {
		assertThat(AuditLog.text("x".repeat(150), 100)).hasSize(100).endsWith("x…");
		assertThat(AuditLog.text("x".repeat(100), 100)).isEqualTo("x".repeat(100));
		String cut = AuditLog.text("x".repeat(98) + "😀😀", 100);
		assertThat(cut).isEqualTo("x".repeat(98) + "…");
	}

	@Test
	void stores_no_empty_text() {
		assertThat(AuditLog.text("", 100)).isNull();
		assertThat(AuditLog.text(null, 100)).isNull();
	}

}
