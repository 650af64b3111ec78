package io.clientdesk.importing;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Tuple;

import io.clientdesk.security.Scope;
import io.clientdesk.importing.file.ClientCsvParser;
import io.clientdesk.importing.file.FileRejectedException;
import io.clientdesk.importing.file.ParsedFile;
import io.clientdesk.importing.file.RowError;
import io.clientdesk.importing.job.ImportProperties;
import io.clientdesk.importing.rows.RowValidator;
import io.clientdesk.organisation.OrganisationProperties;
import io.clientdesk.shared.Problem;
import io.clientdesk.support.TestFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Whatever bytes arrive, the parser and the row checks answer: the file's row errors, or
 * its rejection with at least one problem; never another exception, and never a hang (the
 * bound is far above any real time: it catches a loop or a runaway regular expression,
 * not slowness).
 */
class ClientFilePropertiesTest {

	private static final Duration HANG = Duration.ofSeconds(10);

	private static final RowValidator VALIDATOR = new RowValidator(OrganisationProperties.defaultClientTypes(),
			Clock.systemUTC());

	@Property(tries = 500)
	void any_bytes_get_an_answer(@ForAll byte[] content) {
		Statistics.collect(answer("clients.csv", content));
	}

	@Property(tries = 1000)
	void any_file_made_of_csv_fragments_gets_an_answer(@ForAll("csvFragments") byte[] content) {
		Statistics.collect(answer("clients.csv", content));
	}

	@Property(tries = 300)
	void any_file_name_gets_an_answer(@ForAll String name, @ForAll("csvFragments") byte[] content) {
		answer(name + ".csv", content);
	}

	/**
	 * The parser's and the row checks' answer: "rows" or the kind of rejection.
	 */
	private static String answer(String name, byte[] content) {
		return assertTimeoutPreemptively(HANG, () -> {
			ParsedFile parsed;
			try {
				parsed = new ClientCsvParser().parse(name, content, ImportProperties.defaultLimits());
			}
			catch (FileRejectedException ex) {
				assertThat(ex.problems()).isNotEmpty().allSatisfy((problem) -> assertNamed(problem));
				return ex.kind().name();
			}
			List<RowError> errors = LocalValidation.rowErrors(parsed, VALIDATOR, Scope.UNLIMITED);
			assertThat(errors).allSatisfy((error) -> {
				assertThat(error.line()).isGreaterThan(1);
				assertThat(error.code()).isNotNull();
				assertThat(error.message()).isNotBlank();
			});
			return errors.isEmpty() ? "accepted" : "row errors";
		});
	}

	private static void assertNamed(Problem problem) {
		assertThat(problem.message()).isNotBlank();
		if (problem.line() != null) {
			assertThat(problem.line()).isPositive();
		}
	}

	/**
	 * Files put together from what breaks CSV readers: quotes, delimiters, line breaks
	 * alone and in pairs, byte-order marks, bytes that are not UTF-8, NUL, blanks and
	 * invisible characters, formula and markup starts, and real header names and values.
	 */
	@Provide
	Arbitrary<byte[]> csvFragments() {
		Arbitrary<byte[]> text = Arbitraries
			.of("\"", "\"\"", ",", ";", "\t", "\r", "\n", "\r\n", " ", "\u00A0", "\u200B", "\u202E", "'", "=", "+", "-",
					"@", "<a", "<", "javascript:", "data:", ":", "email", "firstName", "lastName", "id", "project",
					"desk", "active", "type", "created", "ann@example.com", "Ann", "66829b2e43c91e3ce480b6c4", "true",
					"Personal", "2024-06-13", "\uFEFF", "Zoë", "\uD83D\uDE00", "x".repeat(300))
			.map((fragment) -> fragment.getBytes(StandardCharsets.UTF_8));
		Arbitrary<byte[]> bytes = Arbitraries.of(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF },
				new byte[] { (byte) 0xFF, (byte) 0xFE }, new byte[] { (byte) 0xFE, (byte) 0xFF }, new byte[] { 0 },
				new byte[] { (byte) 0x80 }, new byte[] { (byte) 0xC3 }, new byte[] { (byte) 0x81 },
				new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 }, new byte[] { (byte) 0xD8 });
		return Arbitraries.frequencyOf(Tuple.of(9, text), Tuple.of(1, bytes))
			.list()
			.ofMaxSize(200)
			.map((parts) -> TestFiles.concat(parts.toArray(byte[][]::new)))
			.flatMap((body) -> Arbitraries.of("", "email,firstName,lastName\n", "id;email;active;created\r\n")
				.map((header) -> TestFiles.concat(header.getBytes(StandardCharsets.UTF_8), body)));
	}

}
