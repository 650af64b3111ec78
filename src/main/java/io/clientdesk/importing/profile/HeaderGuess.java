package io.clientdesk.importing.profile;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.clientdesk.importing.file.ClientColumn;
import io.clientdesk.importing.file.ColumnMapping;
import io.clientdesk.importing.file.FilePreview;

/**
 * Proposes how to read a file with foreign headers: each column's field by its name (the
 * importer's own names and aliases, the usual names in German, French, Spanish, Italian
 * and Dutch, then a near spelling by edit distance) and by its content (e-mail addresses,
 * yes/no words, dates, client IDs), each field at most once; and values of
 * {@code active}, {@code type}, {@code project} and {@code desk} that the importer would
 * not take as they are.
 */
final class HeaderGuess {

	/** Name similarity (1 - edit distance / length) from which a header is taken. */
	static final double NEAR = 0.75;

	/** Share of a column's values that must look alike for its content to decide. */
	static final double MOSTLY = 0.8;

	private static final Map<ClientColumn, List<String>> NAMES = new EnumMap<>(ClientColumn.class);

	static {
		NAMES.put(ClientColumn.ID, List.of("id", "clientid", "kundenid", "clientdeskid"));
		NAMES.put(ClientColumn.FIRST_NAME, List.of("firstname", "first", "givenname", "forename", "vorname", "prenom",
				"nombre", "nome", "voornaam", "imie"));
		NAMES.put(ClientColumn.LAST_NAME, List.of("lastname", "last", "surname", "familyname", "nachname",
				"familienname", "name", "nom", "nomdefamille", "apellido", "apellidos", "cognome", "achternaam"));
		NAMES.put(ClientColumn.EMAIL, List.of("email", "mail", "emailaddress", "emailadresse", "mailadresse",
				"courriel", "adressemail", "adresseemail", "correo", "correoelectronico", "posta"));
		NAMES.put(ClientColumn.PROJECT,
				List.of("project", "projekt", "projet", "proyecto", "progetto", "brand", "marke", "marque", "marca"));
		NAMES.put(ClientColumn.DESK, List.of("desk", "abteilung", "team", "department", "departement", "departamento",
				"reparto", "afdeling", "bureau", "schreibtisch", "salesdesk"));
		NAMES.put(ClientColumn.ACTIVE,
				List.of("active", "aktiv", "actif", "activo", "attivo", "actief", "enabled", "isactive", "status"));
		NAMES.put(ClientColumn.TYPE,
				List.of("type", "typ", "kundentyp", "kundenart", "art", "tipo", "clienttype", "customertype"));
		NAMES.put(ClientColumn.CREATED,
				List.of("created", "createdat", "erstellt", "erstelltam", "angelegt", "angelegtam", "datum", "date",
						"cree", "creele", "creado", "fechadealta", "registriert", "registrationdate", "signupdate",
						"since", "kundeseit"));
	}

	private static final Set<String> YES = Set.of("true", "yes", "y", "1", "j", "ja", "oui", "o", "si", "sí", "s", "x",
			"wahr", "aktiv", "active", "actif", "activo");

	private static final Set<String> NO = Set.of("false", "no", "n", "0", "nein", "non", "falsch", "inaktiv",
			"inactive", "inactif", "inactivo", "-");

	/** Values the importer reads as they are. */
	private static final Set<String> IMPORTER_YES_NO = Set.of("true", "false", "yes", "no", "1", "0");

	private static final Map<String, List<String>> TYPE_WORDS = Map.of("personal",
			List.of("privat", "private", "privatkunde", "particulier", "particular", "privato", "individual", "person",
					"personal"),
			"corporate", List.of("firma", "firmenkunde", "unternehmen", "business", "company", "entreprise", "empresa",
					"azienda", "bedrijf", "corporate", "geschaeftskunde", "gewerbe"));

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private static final Pattern DMY = Pattern.compile("(\\d{1,2})[./-](\\d{1,2})[./-](\\d{4})(\\s.*)?");

	private static final Pattern YMD = Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}([T\\s].*)?");

	/**
	 * Distinct values proposed at most per field: a column of names has no value list.
	 */
	static final int MAX_VALUES = 50;

	private final KnownValues known;

	HeaderGuess(KnownValues known) {
		this.known = known;
	}

	/** The columns, values and date order proposed for the file. */
	ImportProfile propose(FilePreview file) {
		return propose(file, Map.of());
	}

	/**
	 * As {@link #propose(FilePreview)}, with the columns that a person chose already (a
	 * header to a field, or to {@code null} to ignore it) kept as they are.
	 */
	ImportProfile propose(FilePreview file, Map<String, String> chosenColumns) {
		List<String> headers = file.headers();
		List<Candidate> candidates = new ArrayList<>();
		ClientColumn[] chosen = new ClientColumn[headers.size()];
		boolean[] decided = new boolean[headers.size()];
		Set<ClientColumn> taken = new LinkedHashSet<>();
		for (int i = 0; i < headers.size(); i++) {
			if (chosenColumns.containsKey(headers.get(i))) {
				String field = chosenColumns.get(headers.get(i));
				chosen[i] = (field != null) ? ProfileRules.field(field).orElse(null) : null;
				decided[i] = true;
				if (chosen[i] != null) {
					taken.add(chosen[i]);
				}
			}
		}
		for (int i = 0; i < headers.size(); i++) {
			if (decided[i]) {
				continue;
			}
			List<String> values = file.values(i);
			for (ClientColumn field : ClientColumn.values()) {
				double score = Math.max(byName(headers.get(i), field), byContent(values, field));
				if (score > 0) {
					candidates.add(new Candidate(i, field, score));
				}
			}
		}
		candidates.sort(Comparator.comparingDouble(Candidate::score).reversed());
		for (Candidate candidate : candidates) {
			if (!decided[candidate.column()] && chosen[candidate.column()] == null && taken.add(candidate.field())) {
				chosen[candidate.column()] = candidate.field();
			}
		}
		Map<String, String> columns = new LinkedHashMap<>();
		Map<String, Map<String, String>> values = new LinkedHashMap<>();
		String dateFormat = null;
		for (int i = 0; i < headers.size(); i++) {
			ClientColumn field = chosen[i];
			columns.put(headers.get(i), (field != null) ? field.header() : null);
			if (field != null && ProfileRules.VALUE_FIELDS.contains(field)) {
				Map<String, String> proposed = values(field, distinct(file.values(i)));
				if (!proposed.isEmpty()) {
					values.put(field.header(), proposed);
				}
			}
			if (field == ClientColumn.CREATED) {
				dateFormat = dateOrder(file.values(i));
			}
		}
		return new ImportProfile(null, columns, values, dateFormat);
	}

	private record Candidate(int column, ClientColumn field, double score) {
	}

	/**
	 * 1 for a name the importer or a language knows, less for a near spelling, 0 below
	 * {@link #NEAR}.
	 */
	static double byName(String header, ClientColumn field) {
		String name = normalize(header);
		if (name.isEmpty()) {
			return 0;
		}
		List<String> known = new ArrayList<>(NAMES.get(field));
		known.add(normalize(field.header()));
		field.aliases().forEach((alias) -> known.add(normalize(alias)));
		double best = 0;
		for (String candidate : known) {
			if (candidate.equals(name)) {
				return 1;
			}
			double similarity = 1.0 - (double) distance(name, candidate) / Math.max(name.length(), candidate.length());
			best = Math.max(best, similarity);
		}
		// below 1: a known name beats a near one; above the content's 0.9 only when very
		// near
		return (best >= NEAR) ? best * 0.95 : 0;
	}

	/** 0.9 when most values look like the field's, else 0. */
	double byContent(List<String> values, ClientColumn field) {
		if (values.isEmpty()) {
			return 0;
		}
		long alike = switch (field) {
			case EMAIL -> values.stream().filter((v) -> EMAIL.matcher(v).matches()).count();
			case ACTIVE ->
				values.stream().map(ColumnMapping::key).filter((v) -> YES.contains(v) || NO.contains(v)).count();
			case CREATED -> values.stream().filter((v) -> DMY.matcher(v).matches() || YMD.matcher(v).matches()).count();
			case ID -> values.stream().filter(ProfileRules::isId).count();
			default -> 0;
		};
		return (alike >= MOSTLY * values.size()) ? 0.9 : 0;
	}

	/** The values of a field that the importer would not read as they are, proposed. */
	private Map<String, String> values(ClientColumn field, List<String> distinct) {
		Map<String, String> proposed = new LinkedHashMap<>();
		if (distinct.size() > MAX_VALUES) {
			return proposed;
		}
		for (String value : distinct) {
			String key = ColumnMapping.key(value);
			switch (field) {
				case ACTIVE -> {
					if (!IMPORTER_YES_NO.contains(key)) {
						proposed.put(value, YES.contains(key) ? "true" : (NO.contains(key) ? "false" : null));
					}
				}
				case TYPE -> {
					if (this.known.type(value).isEmpty()) {
						proposed.put(value, type(key));
					}
				}
				case PROJECT, DESK -> {
					// a name found ignoring case; IDs are read as they are
					if (!ProfileRules.isId(value)) {
						proposed.put(value, this.known.unit(field, value).map(KnownValues.Unit::name).orElse(null));
					}
				}
				default -> {
				}
			}
		}
		return proposed;
	}

	/** A client type for a word such as "Privat" or "Firma", where that type exists. */
	private String type(String key) {
		String word = normalize(key);
		for (Map.Entry<String, List<String>> entry : TYPE_WORDS.entrySet()) {
			if (entry.getValue().contains(word)) {
				return this.known.type(entry.getKey()).orElse(null);
			}
		}
		return null;
	}

	/**
	 * DMY or MDY where the dates' day and month tell (a part above 12, or dots, which
	 * only day-first writers use); null for ISO-8601 dates or where it cannot be told.
	 */
	static String dateOrder(List<String> values) {
		boolean dayFirst = false;
		boolean monthFirst = false;
		for (String value : values) {
			var matcher = DMY.matcher(value);
			if (!matcher.matches()) {
				continue;
			}
			int first = Integer.parseInt(matcher.group(1));
			int second = Integer.parseInt(matcher.group(2));
			dayFirst |= first > 12 || value.contains(".");
			monthFirst |= second > 12;
		}
		if (dayFirst == monthFirst) {
			return null;
		}
		return dayFirst ? "DMY" : "MDY";
	}

	private static List<String> distinct(List<String> values) {
		Map<String, String> byKey = new LinkedHashMap<>();
		values.forEach((value) -> byKey.putIfAbsent(ColumnMapping.key(value), value));
		return List.copyOf(byKey.values());
	}

	/** Lower case, accents and everything but letters and digits removed. */
	static String normalize(String name) {
		String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		return plain.toLowerCase(Locale.ROOT).replace("ß", "ss").replaceAll("[^\\p{L}\\p{N}]", "");
	}

	static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int cost = (a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1;
				current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

}
