package io.clientdesk.importing.file;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QuoteScanTest {

	@Test
	void chooses_the_most_frequent_delimiter_of_the_header() {
		assertThat(QuoteScan.delimiter("a;b;c,d\n1,2,3,4,5,6\n")).isEqualTo(';');
		assertThat(QuoteScan.delimiter("a\tb\tc\n")).isEqualTo('\t');
		assertThat(QuoteScan.delimiter("a,b\n")).isEqualTo(',');
	}

	@Test
	void ignores_delimiters_inside_quotes_also_across_lines() {
		assertThat(QuoteScan.delimiter("\"a;b;c\nd;e\",f,g\n")).isEqualTo(',');
		assertThat(QuoteScan.delimiter("\"a\"\";\"\";b\",c;d;e\n")).isEqualTo(';');
	}

	@Test
	void skips_leading_blank_lines_and_defaults_to_a_comma() {
		assertThat(QuoteScan.delimiter("\r\n\r\na;b\n")).isEqualTo(';');
		assertThat(QuoteScan.delimiter("email\n")).isEqualTo(',');
		assertThat(QuoteScan.delimiter("")).isEqualTo(',');
	}

	@Test
	void prefers_a_comma_on_a_tie() {
		assertThat(QuoteScan.delimiter("a,b;c\n")).isEqualTo(',');
	}

	@Test
	void finds_the_line_and_field_where_an_unclosed_quote_starts() {
		assertThat(QuoteScan.scan("a,b\r\n1,\"x\r\ny\"\r\n2,\"open\r\n3,4\r\n", ',').unclosedQuote())
			.isEqualTo(new QuoteScan.Position(4, 1));
	}

	@Test
	void finds_no_unclosed_quote_when_quotes_are_doubled_or_inside_unquoted_fields() {
		assertThat(QuoteScan.scan("a,b\n\"x\"\"\",y\"z\n\"\"\"\",\"\"\n", ',').unclosedQuote()).isNull();
	}

	@Test
	void counts_a_quote_ending_in_a_doubled_quote_at_the_end_as_unclosed() {
		assertThat(QuoteScan.scan("a,b\n1,\"x\"\"", ',').unclosedQuote()).isEqualTo(new QuoteScan.Position(2, 1));
	}

	@Test
	void finds_each_quoted_field_with_a_carriage_return_not_followed_by_a_line_feed() {
		QuoteScan.Result result = QuoteScan.scan("a;b\r\n\"x\r\ny\";\"\r=1\r\r\"\r\nc;\"\r\"\n\r", ';');

		assertThat(result.loneCarriageReturns()).containsExactly(new QuoteScan.Position(3, 1),
				new QuoteScan.Position(7, 1));
		assertThat(result.unclosedQuote()).isNull();
	}

}
