package io.clientdesk.importing;

import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.clientdesk.security.Scope;
import io.clientdesk.importing.file.ClientCsvParser;
import io.clientdesk.importing.file.FileRejectedException;
import io.clientdesk.importing.file.ParsedFile;
import io.clientdesk.importing.file.RowError;
import io.clientdesk.importing.job.ImportProperties;
import io.clientdesk.importing.rows.RowValidator;
import io.clientdesk.organisation.OrganisationProperties;
import io.clientdesk.support.HostileFiles;
import io.clientdesk.support.HostileFiles.Answer;
import io.clientdesk.support.HostileFiles.Case;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every file of the hostile corpus gets the answer its manifest gives, from the parser
 * and the row checks that need no database (as the server runs them);
 * {@code HostileFilesIT} uploads them through the API.
 */
class HostileFilesTest {

	static Stream<Case> corpus() {
		return HostileFiles.all().stream();
	}

	@Test
	void the_corpus_has_at_least_100_files_and_every_file_of_the_folder_is_in_the_manifest() {
		assertThat(HostileFiles.all()).hasSizeGreaterThanOrEqualTo(100);
		assertThat(HostileFiles.all().stream().map(Case::file).distinct().count()).isGreaterThanOrEqualTo(100);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("corpus")
	void answers_each_hostile_file_as_the_manifest_says(Case hostile) {
		Answered answered = answer(hostile.uploadName(), hostile.content());

		assertThat(answered.answer()).as(hostile.what()).isEqualTo(hostile.answer());
		assertThat(answered.listed(hostile)).as("%s: %s", hostile.what(), answered.found())
			.isEqualTo(hostile.expected());
		assertThat(answered.found()).hasSize(hostile.expected().size() + hostile.notListed());
	}

	/** The answer of the parser and the row checks, as the manifest writes it. */
	static Answered answer(String name, byte[] content) {
		ParsedFile parsed;
		try {
			parsed = new ClientCsvParser().parse(name, content, ImportProperties.defaultLimits());
		}
		catch (FileRejectedException ex) {
			return new Answered(Answer.valueOf(ex.kind().name()),
					ex.problems().stream().map((p) -> HostileFiles.position(p.line(), p.column())).toList());
		}
		RowValidator validator = new RowValidator(OrganisationProperties.defaultClientTypes(), Clock.systemUTC());
		return new Answered(Answer.ROWS,
				LocalValidation.rowErrors(parsed, validator, Scope.UNLIMITED)
					.stream()
					.sorted(RowError.byPosition())
					.map((error) -> HostileFiles.position(error.line(), error.column()) + ":" + error.code().code())
					.toList());
	}

	record Answered(Answer answer, List<String> found) {

		List<String> listed(Case hostile) {
			return this.found.subList(0, Math.min(this.found.size(), hostile.expected().size()));
		}

	}

}
