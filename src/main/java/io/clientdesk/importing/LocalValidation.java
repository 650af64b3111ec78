package io.clientdesk.importing;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import io.clientdesk.importing.file.ClientColumn;
import io.clientdesk.importing.file.ClientCsvParser;
import io.clientdesk.importing.file.CsvRow;
import io.clientdesk.importing.file.FileContent;
import io.clientdesk.importing.file.FileRejectedException;
import io.clientdesk.importing.file.ImportLimits;
import io.clientdesk.importing.file.ParsedFile;
import io.clientdesk.importing.file.RowError;
import io.clientdesk.importing.job.ImportProperties;
import io.clientdesk.importing.rows.ClientFields;
import io.clientdesk.importing.rows.DateOrder;
import io.clientdesk.importing.rows.DuplicatesInFile;
import io.clientdesk.importing.rows.RowValidator;
import io.clientdesk.importing.rows.ScopeCheck;
import io.clientdesk.importing.rows.ValidatedRow;
import io.clientdesk.organisation.OrganisationProperties;
import io.clientdesk.security.Scope;
import io.clientdesk.shared.ObjectIds;
import io.clientdesk.shared.Problem;

/**
 * Checks an import file on the user's machine, without a server or database ({@code java
 * -jar clientdesk.jar validate FILE.csv}): the whole-file checks of an upload and every
 * row check that needs no database.
 */
public final class LocalValidation {

	/**
	 * The exit code of a file without problems.
	 */
	public static final int CLEAN = 0;

	/**
	 * The exit code of a file with problems.
	 */
	public static final int PROBLEMS = 1;

	/**
	 * The exit code of a file that cannot be read.
	 */
	public static final int UNREADABLE = 2;

	private static final String DATABASE_NOTE = "Whether IDs, projects and desks exist and whether emails are "
			+ "taken by other clients is checked on upload.";

	private static final String SCOPE_NOTE = " With a scope: the project and desk cells are checked against it here; "
			+ "rows that take the import defaults' project or desk, and the stored clients that rows update, "
			+ "on upload.";

	private static final String USAGE = "Usage: java -jar clientdesk.jar validate [--date-format=DMY|MDY|YMD]"
			+ " [--projects=ID,…] [--desks=ID,…] FILE.csv" + System.lineSeparator()
			+ "  --date-format: the order of the file's numeric dates (04/03/2024): day-month-year, month-day-year"
			+ " or year-month-day" + System.lineSeparator()
			+ "  --projects, --desks: your scope, the IDs of the projects and desks you may "
			+ "import into (the file's project and desk cells hold IDs); left out: no limit";

	private static final Comparator<Problem> BY_LINE = Comparator.comparing(Problem::line,
			Comparator.nullsFirst(Comparator.naturalOrder()));

	private static final String DATE_FORMAT_OPTION = "--date-format=";

	private LocalValidation() {
	}

	/**
	 * The {@code validate} command: its arguments (after {@code validate}) are the file
	 * and the options {@code --date-format=DMY|MDY|YMD} (the order of the file's numeric
	 * dates, as an upload's {@code dateFormat} declares it), {@code --projects=ID,…} and
	 * {@code --desks=ID,…} (the scope that the uploader has on the server, by ID, since
	 * the file names projects and desks by ID and there is no database to look names up
	 * in). Wrong arguments print what is wrong and the usage to {@code err} and give
	 * {@value #UNREADABLE}.
	 * @return the exit code
	 */
	public static int command(List<String> args, PrintStream out, PrintStream err) {
		Path file = null;
		DateOrder dateOrder = null;
		List<String> projects = List.of();
		List<String> desks = List.of();
		for (String arg : args) {
			if (arg.startsWith(DATE_FORMAT_OPTION)) {
				try {
					dateOrder = DateOrder.parse(arg.substring(DATE_FORMAT_OPTION.length())).orElse(null);
				}
				catch (IllegalArgumentException ex) {
					return usage(err, "--date-format: " + ex.getMessage());
				}
			}
			else if (arg.startsWith("--projects=")) {
				projects = ids(arg.substring("--projects=".length()));
			}
			else if (arg.startsWith("--desks=")) {
				desks = ids(arg.substring("--desks=".length()));
			}
			else if (arg.startsWith("--")) {
				return usage(err, "'" + arg + "' is not an option of validate");
			}
			else if (file != null) {
				return usage(err, "one file at a time: " + file + " and " + arg);
			}
			else {
				file = Path.of(arg);
			}
		}
		if (file == null) {
			return usage(err, "name the file to check");
		}
		List<String> invalid = new ArrayList<>(projects);
		invalid.addAll(desks);
		invalid.removeIf(ObjectIds::isValid);
		if (!invalid.isEmpty()) {
			return usage(err, "not an ID (24 lowercase hex digits, as GET /api/projects and /api/desks list them): "
					+ String.join(", ", invalid));
		}
		return run(file, out, ImportProperties.defaultLimits(), OrganisationProperties.defaultClientTypes(),
				Clock.systemUTC(), dateOrder, new Scope(projects, desks));
	}

	private static List<String> ids(String list) {
		return Arrays.stream(list.split(",", -1)).map(String::trim).filter((id) -> !id.isEmpty()).toList();
	}

	private static int usage(PrintStream err, String problem) {
		err.println("validate: " + problem);
		err.println(USAGE);
		return UNREADABLE;
	}

	/**
	 * Checks the file with the default limits and client types, printing each problem as
	 * {@code line:column: message}, sorted by line, and a summary.
	 * @return {@value #CLEAN} when the file has no problems, {@value #PROBLEMS} when it
	 * has, {@value #UNREADABLE} when it cannot be read
	 */
	public static int run(Path file, PrintStream out) {
		return run(file, null, out);
	}

	/**
	 * Checks the file as {@link #run(Path, PrintStream)} does, reading its numeric dates
	 * ({@code 04/03/2024}) in the given order; without one ({@code null}), a file with
	 * such dates would be rejected at upload, and is.
	 */
	public static int run(Path file, DateOrder dateOrder, PrintStream out) {
		return run(file, out, ImportProperties.defaultLimits(), OrganisationProperties.defaultClientTypes(),
				Clock.systemUTC(), dateOrder, Scope.UNLIMITED);
	}

	/**
	 * Checks the file with the given limits and client types, as
	 * {@link #run(Path, PrintStream)} does.
	 */
	static int run(Path file, PrintStream out, ImportLimits limits, List<String> clientTypes, Clock clock) {
		return run(file, out, limits, clientTypes, clock, null, Scope.UNLIMITED);
	}

	static int run(Path file, PrintStream out, ImportLimits limits, List<String> clientTypes, Clock clock,
			DateOrder dateOrder, Scope scope) {
		String name = String.valueOf(file.getFileName());
		ParsedFile parsed;
		try {
			parsed = new ClientCsvParser().parse(name, read(file, limits), limits);
			RowValidator.requireDateOrder(parsed.rows(), dateOrder);
		}
		catch (IOException | SecurityException ex) {
			out.println("Cannot read " + file + ": " + describe(ex));
			return UNREADABLE;
		}
		catch (FileRejectedException ex) {
			return report(out, name, ex.problems(), (ex.kind() == FileRejectedException.Kind.DATE_ORDER_NEEDED)
					? "would be rejected at upload; give the file's date order with --date-format=DMY, MDY or YMD"
					: "would be rejected at upload", "");
		}
		List<Problem> problems = rowErrors(parsed, new RowValidator(clientTypes, clock, dateOrder), scope).stream()
			.sorted(RowError.byPosition())
			.map((error) -> new Problem(error.line(), error.column(), error.message()))
			.toList();
		int records = parsed.rows().size();
		String read = records + ((records == 1) ? " record" : " records") + ", read as "
				+ parsed.charset().displayName() + " with " + describe(parsed.delimiter()) + " as delimiter";
		return report(out, name, problems, read, scope.limited() ? SCOPE_NOTE : "");
	}

	/**
	 * The file's bytes, unless it is larger than the limit.
	 * @throws FileRejectedException if it is, as an upload would be
	 */
	private static byte[] read(Path file, ImportLimits limits) throws IOException {
		long size = Files.size(file);
		if (size > limits.maxBytes()) {
			List<Problem> problems = new ArrayList<>(
					FileContent.notCsvProblems(String.valueOf(file.getFileName()), new byte[0]));
			problems.add(ClientCsvParser.tooManyBytes(size, limits));
			throw new FileRejectedException(FileRejectedException.Kind.TOO_LARGE, problems);
		}
		return Files.readAllBytes(file);
	}

	/**
	 * The row errors the server would find without a database, in the order of the rows.
	 */
	static List<RowError> rowErrors(ParsedFile parsed, RowValidator validator, Scope scope) {
		List<RowError> errors = new ArrayList<>();
		DuplicatesInFile duplicates = new DuplicatesInFile();
		ScopeCheck scopeCheck = new ScopeCheck(scope, Function.identity(), Function.identity());
		for (CsvRow row : parsed.rows()) {
			ValidatedRow validated = validator.validate(row);
			errors.addAll(validated.errors());
			if (row.hasFieldCountError()) {
				continue;
			}
			ClientFields fields = validated.fields();
			errors.addAll(scopeCheck.destination(row.line(), fields, fields.project(), fields.desk(), false));
			if (fields.id() == null && !row.cells().getOrDefault(ClientColumn.ID, "").isEmpty()) {
				continue;
			}
			if (fields.id() == null) {
				errors.addAll(validator.requiredForCreate(validated));
			}
			duplicates.check(row.line(), fields.id(), ClientColumn.ID, fields.email()).ifPresent(errors::add);
		}
		return errors;
	}

	private static int report(PrintStream out, String name, List<Problem> problems, String outcome, String scopeNote) {
		problems.stream().sorted(BY_LINE).forEach((problem) -> out.println(format(problem)));
		if (problems.isEmpty()) {
			out.println(name + ": no problems found (" + outcome + "). " + DATABASE_NOTE + scopeNote);
			return CLEAN;
		}
		out.println(name + ": " + problems.size() + ((problems.size() == 1) ? " problem" : " problems") + " (" + outcome
				+ "). " + DATABASE_NOTE + scopeNote);
		return PROBLEMS;
	}

	private static String format(Problem problem) {
		StringBuilder text = new StringBuilder();
		if (problem.line() != null) {
			text.append(problem.line()).append(':');
		}
		if (problem.column() != null) {
			text.append(problem.column()).append(':');
		}
		if (!text.isEmpty()) {
			text.append(' ');
		}
		return text.append(problem.message()).toString();
	}

	private static String describe(char delimiter) {
		return switch (delimiter) {
			case ';' -> "semicolon";
			case '\t' -> "tab";
			default -> "comma";
		};
	}

	private static String describe(Exception ex) {
		if (ex instanceof NoSuchFileException) {
			return "no such file";
		}
		if (ex instanceof AccessDeniedException) {
			return "permission denied";
		}
		return (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
	}

}
