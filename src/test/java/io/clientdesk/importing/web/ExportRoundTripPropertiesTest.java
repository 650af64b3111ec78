package io.clientdesk.importing.web;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import de.siegmar.fastcsv.writer.CsvWriter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import io.clientdesk.client.Client;
import io.clientdesk.importing.file.ClientCsvParser;
import io.clientdesk.importing.file.CsvRow;
import io.clientdesk.importing.file.FileRejectedException;
import io.clientdesk.importing.file.ParsedFile;
import io.clientdesk.importing.job.ImportProperties;
import io.clientdesk.importing.rows.ClientFields;
import io.clientdesk.importing.rows.RowValidator;
import io.clientdesk.importing.rows.ValidatedRow;
import io.clientdesk.organisation.OrganisationProperties;
import io.clientdesk.shared.ObjectIds;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file the export wrote imports back unchanged.
 *
 * <p>
 * Clients get into ClientDesk only through the import, so a client's values are what the
 * import stores: each generated client (names of any script, emoji, quotes, commas,
 * semicolons, line breaks, leading {@code =}, {@code +}, {@code -}, {@code @}…) is first
 * imported from a partner's file, and those the import refuses (formulas, control
 * characters, markup, bidi overrides) never exist. Every stored client, written by the
 * export's own writer ({@link ClientCsvController#write}), is read back by the import
 * with every value the same: "unchanged" means equal names (an empty last name as empty),
 * email, project, desk, active, type and creation time (stored to the millisecond, as
 * written).
 *
 * <p>
 * The export's apostrophe in front of a formula never applies to those values. Were a
 * value to start with a formula character, the export would write it with one apostrophe
 * in front, and the import would keep it as part of the value (the contract says nothing
 * of reading it back, and the import stores text as it is): the last property shows
 * exactly that, and that such a file is never refused.
 */
class ExportRoundTripPropertiesTest {

	private static final RowValidator VALIDATOR = new RowValidator(OrganisationProperties.defaultClientTypes(),
			Clock.systemUTC());

	@Property(tries = 300)
	void every_client_the_import_stores_comes_back_unchanged_from_the_export(
			@ForAll("someClients") List<Client> generated) {
		List<Client> stored = new ArrayList<>();
		for (Client client : generated) {
			Client kept = storedByTheImport(client);
			Statistics.collect((kept != null) ? "stored" : "refused by the import");
			if (kept != null) {
				stored.add(kept);
			}
		}

		if (stored.isEmpty()) {
			return;
		}
		List<ValidatedRow> readBack = importOf(export(stored));

		assertThat(readBack).hasSameSizeAs(stored);
		for (int i = 0; i < stored.size(); i++) {
			assertThat(readBack.get(i).errors()).isEmpty();
			assertThat(asStored(readBack.get(i).fields())).isEqualTo(stored.get(i));
		}
	}

	@Property(tries = 200)
	void a_value_that_would_start_a_formula_comes_back_with_the_exports_apostrophe_in_front(
			@ForAll("clients") Client client, @ForAll("formulaStarts") String start) {
		Client stored = storedByTheImport(client);
		Statistics.collect((stored != null) ? "checked" : "refused by the import");
		if (stored == null) {
			return;
		}
		String formula = start + stored.firstName();
		Client written = new Client(stored.id(), formula, stored.lastName(), stored.email(), stored.project(),
				stored.desk(), stored.active(), stored.type(), stored.created());

		List<ValidatedRow> readBack = importOf(export(List.of(written)));

		assertThat(readBack).singleElement().satisfies((row) -> {
			assertThat(row.fields().firstName()).isEqualTo("'" + formula);
		});
	}

	/**
	 * The client as the import stores it from a partner's file holding its values, or
	 * {@code null} when the import refuses them.
	 */
	private static Client storedByTheImport(Client client) {
		StringWriter file = new StringWriter();
		CsvWriter csv = CsvWriter.builder().build(file);
		csv.writeRecord("firstName", "lastName", "email", "active", "type", "created");
		csv.writeRecord(client.firstName(), client.lastName(), client.email(), Boolean.toString(client.active()),
				client.type(), client.created().toString());
		List<ValidatedRow> rows;
		try {
			csv.flush();
			rows = importOf(file.toString().getBytes(StandardCharsets.UTF_8));
		}
		catch (FileRejectedException ex) {
			return null;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		ValidatedRow row = rows.get(0);
		if (!row.errors().isEmpty() || !VALIDATOR.requiredForCreate(row).isEmpty()) {
			return null;
		}
		ClientFields fields = row.fields();
		// as ImportPlanner stores a new client: an empty last name, the time to the
		// millisecond
		return new Client(client.id(), fields.firstName(), Objects.requireNonNullElse(fields.lastName(), ""),
				fields.email(), client.project(), client.desk(), fields.active(), fields.type(),
				fields.created().truncatedTo(ChronoUnit.MILLIS));
	}

	private static byte[] export(List<Client> clients) {
		StringWriter out = new StringWriter();
		try {
			CsvWriter csv = ClientCsvController.writer(out);
			clients.forEach((client) -> ClientCsvController.write(csv, client));
			csv.flush();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		// as CsvDownload sends it
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static List<ValidatedRow> importOf(byte[] content) {
		ParsedFile parsed = new ClientCsvParser().parse("clients.csv", content, ImportProperties.defaultLimits());
		return parsed.rows().stream().map((CsvRow row) -> VALIDATOR.validate(row)).toList();
	}

	private static Client asStored(ClientFields fields) {
		return new Client(fields.id(), fields.firstName(), Objects.requireNonNullElse(fields.lastName(), ""),
				fields.email(), fields.project(), fields.desk(), fields.active(), fields.type(), fields.created());
	}

	@Provide
	Arbitrary<List<Client>> someClients() {
		return clients().list().ofMinSize(1).ofMaxSize(8);
	}

	@Provide
	Arbitrary<Client> clients() {
		Arbitrary<String> firstName = pieces().list().ofMinSize(1).ofMaxSize(12).map((list) -> String.join("", list));
		Arbitrary<String> lastName = pieces().list().ofMaxSize(12).map((list) -> String.join("", list));
		Arbitrary<String> word = Arbitraries.strings().withChars("abcxyz019").ofMinLength(1).ofMaxLength(8);
		Arbitrary<String> email = Combinators
			.combine(word, Arbitraries.of("", ".", "_", "+", "'", "-", "=", "&", "-="), word,
					Arbitraries.of("example.com", "mail.co.uk", "xn--bcher-kva.example", "b\u00FCcher.example"))
			.as((local, inner, rest, domain) -> local + inner + rest + "@" + domain);
		Arbitrary<Instant> created = Arbitraries.longs()
			.between(0, Instant.now().minusSeconds(60).toEpochMilli())
			.map(Instant::ofEpochMilli);
		return Combinators
			.combine(firstName, lastName, email, Arbitraries.of(true, false), Arbitraries.of("Personal", "Corporate"),
					created)
			.as((first, last, mail, active, type, time) -> new Client(ObjectIds.next(), first, last, mail,
					ObjectIds.next(), ObjectIds.next(), active, type, time));
	}

	/**
	 * What names are made of: scripts, emoji, marks, quotes, delimiters, formula starts,
	 * blanks.
	 */
	private static Arbitrary<String> pieces() {
		Arbitrary<String> text = Arbitraries.of("Ann", "b", "Z", "7", "é", "Zoë", "ß", "Müller", "жук",
				"\u0645\u0631\u064A\u0645", "\u05D3\u05E0\u05D4", "中文", "\uD83D\uDE00",
				"\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67", "e\u0301", "\"", "'", "''", ",", ";", " ", "  ",
				"\u00A0", "=", "+", "-", "@", ":", "/", "\\", "< ", ">", "&", "|", "!", "(", ")", "\u200F", "%0A", "#");
		// what the import refuses: line breaks, tabs, markup, invisible and reordering
		// characters (at a cell's start, also the formula characters above)
		Arbitrary<String> refused = Arbitraries.of("\n", "\r\n", "\t", "<a", "\u200B", "\u202E");
		return Arbitraries.frequencyOf(Tuple.of(20, text), Tuple.of(1, refused));
	}

	@Provide
	Arbitrary<String> formulaStarts() {
		return Arbitraries.of("=", "+", "-", "@", " =", "  @", "=cmd|' /C calc'!A0 ");
	}

}
