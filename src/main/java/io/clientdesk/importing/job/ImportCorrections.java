package io.clientdesk.importing.job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.clientdesk.importing.file.ClientColumn;
import io.clientdesk.importing.file.ClientCsvParser;
import io.clientdesk.importing.file.ColumnMapping;
import io.clientdesk.importing.file.CorrectedFile;
import io.clientdesk.importing.file.CsvRow;
import io.clientdesk.importing.file.ParsedFile;
import io.clientdesk.importing.file.RowCorrection;
import io.clientdesk.importing.file.RowError;
import io.clientdesk.importing.job.ImportRepository.StoredImport;
import io.clientdesk.importing.profile.ImportProfile;
import io.clientdesk.importing.profile.ImportProfileService;
import io.clientdesk.shared.ConflictException;
import io.clientdesk.shared.InvalidRequestException;
import io.clientdesk.shared.NotFoundException;
import io.clientdesk.shared.Problem;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Correcting the rows with errors of an import, without a spreadsheet: the rows as the
 * page shows them, and a new import of the file with some rows corrected or dropped
 * ({@link CorrectedFile}). The corrected file is checked and limited as an upload is:
 * only its making differs.
 */
@Service
public class ImportCorrections {

	/** Rows with errors the page shows at most; the next check shows the rest. */
	public static final int SHEET_ROWS = 1000;

	private final ImportRepository imports;

	private final ImportService service;

	private final ImportProperties properties;

	private final ImportRetention retention;

	private final ImportProfileService profiles;

	private final ClientCsvParser parser = new ClientCsvParser();

	ImportCorrections(ImportRepository imports, ImportService service, ImportProperties properties,
			ImportRetention retention, ImportProfileService profiles) {
		this.profiles = profiles;
		this.imports = imports;
		this.service = service;
		this.properties = properties;
		this.retention = retention;
	}

	/**
	 * Whether the import has rows with errors to correct, its file still kept.
	 */
	public static boolean correctable(Import view) {
		return view.status().isFinished() && view.failed() > 0 && view.filesDeletedAt() == null;
	}

	/**
	 * A new import (or check, with {@code dryRun}) of the import's file with the rows
	 * corrected or dropped; {@code onError} is the import's where null.
	 * @throws InvalidRequestException 422 where a correction names no row or column of
	 * the file, 410 where the file was deleted
	 * @throws ConflictException where the import has no rows with errors
	 * @throws io.clientdesk.importing.file.FileRejectedException where the corrected file
	 * is rejected as an upload would be (a formula, too large)
	 */
	public Import correct(String id, List<RowCorrection> rows, boolean dryRun, OnError onError, Viewer user) {
		StoredImport original = find(id, user);
		Import view = original.view();
		if (view.filesDeletedAt() != null) {
			throw gone(id);
		}
		if (!correctable(view)) {
			throw new ConflictException("Only an import or a check with rows in error can be corrected; import " + id
					+ (view.status().isFinished() ? " has none" : " is " + view.status()));
		}
		List<RowCorrection> corrections = valid(rows);
		byte[] content = this.imports.fileContent(original.fileId());
		if (content == null) { // deleted by the retention since it was read
			throw gone(id);
		}
		// a file read through an import profile is corrected, and read again, through the
		// profile as it was at its upload
		ImportProfile profile = profile(original);
		ColumnMapping mapping = (profile != null) ? this.profiles.mapping(profile) : null;
		return this.service.accept(view.fileName(),
				new java.io.ByteArrayInputStream(CorrectedFile.write(content, corrections, mapping)), dryRun,
				(onError != null) ? onError : view.onError(), view.dateFormat(), profile, user, id);
	}

	private static ImportProfile profile(StoredImport stored) {
		return (stored.profileDefinition() != null)
				? ImportProfileService.fromSnapshot(stored.view().profile(), stored.profileDefinition()) : null;
	}

	/**
	 * The import's file as stored: as uploaded, or for an import of a corrected file the
	 * corrected file.
	 * @throws InvalidRequestException 410 once the retention has deleted it
	 */
	@Transactional(readOnly = true)
	public byte[] file(String id, Viewer user) {
		StoredImport stored = find(id, user);
		if (stored.view().filesDeletedAt() != null) {
			throw gone(id);
		}
		return this.imports.fileContent(stored.fileId());
	}

	/**
	 * The first {@value #SHEET_ROWS} rows with errors of the import, read from its file,
	 * or none where it has none or its file is deleted.
	 */
	@Transactional(readOnly = true)
	public CorrectionSheet sheet(String id, Viewer user) {
		StoredImport stored = find(id, user);
		if (!correctable(stored.view())) {
			return new CorrectionSheet(List.of(), List.of(), 0);
		}
		Map<Integer, List<RowError>> errorsByLine = new LinkedHashMap<>();
		for (RowError error : this.imports.errors(id)) {
			errorsByLine.computeIfAbsent(error.line(), (line) -> new ArrayList<>()).add(error);
		}
		Set<Integer> shown = new TreeSet<>(errorsByLine.keySet().stream().sorted().limit(SHEET_ROWS).toList());
		ImportProfile profile = profile(stored);
		ColumnMapping mapping = (profile != null) ? this.profiles.mapping(profile) : null;
		if (mapping != null) { // its errors name the file's headers; the grid, the
								// columns
			errorsByLine.replaceAll((line, errors) -> mapping.unlabel(errors));
		}
		ParsedFile file = this.parser.parse(stored.view().fileName(), this.imports.fileContent(stored.fileId()),
				this.properties.limits(), mapping);
		List<CorrectionSheet.Row> rows = new ArrayList<>();
		for (CsvRow row : file.rows()) {
			if (shown.contains(row.line())) {
				rows.add(sheetRow(row, file.columns(), errorsByLine.get(row.line())));
			}
		}
		return new CorrectionSheet(file.columns().stream().map(ClientColumn::header).toList(), rows,
				errorsByLine.size());
	}

	private static CorrectionSheet.Row sheetRow(CsvRow row, List<ClientColumn> columns, List<RowError> errors) {
		List<CorrectionSheet.Cell> cells = new ArrayList<>();
		for (ClientColumn column : columns) {
			String value = row.cell(column);
			cells.add(new CorrectionSheet.Cell(column.header(), (value != null) ? value : "",
					errors.stream().filter((error) -> column.header().equals(error.column())).toList()));
		}
		List<RowError> ofRow = errors.stream()
			.filter((error) -> error.column() == null
					|| columns.stream().noneMatch((c) -> c.header().equals(error.column())))
			.toList();
		return new CorrectionSheet.Row(row.line(), cells, ofRow);
	}

	/**
	 * The corrections, each with a line and either values or drop, one per line.
	 * @throws InvalidRequestException naming every one that is not
	 */
	private List<RowCorrection> valid(List<RowCorrection> rows) {
		if (rows == null || rows.isEmpty()) {
			throw new InvalidRequestException("rows is empty: correct or drop at least one row",
					List.of(Problem.of("rows", "correct or drop at least one row")));
		}
		if (rows.size() > this.properties.maxRecords()) {
			throw new InvalidRequestException(
					"There are " + rows.size() + " corrections, more than the " + this.properties.maxRecords()
							+ " records a file may have",
					List.of(Problem.of("rows", "at most " + this.properties.maxRecords() + " rows")));
		}
		List<Problem> problems = new ArrayList<>();
		Set<Integer> lines = new TreeSet<>();
		for (int i = 0; i < rows.size(); i++) {
			RowCorrection row = rows.get(i);
			String where = "rows[" + i + "]";
			if (row == null || row.line() == null || row.line() < 2) {
				problems.add(Problem.of(where + ".line", "give the line of the row (2 or more: the header is line 1)"));
				continue;
			}
			boolean hasValues = row.values() != null && !row.values().isEmpty();
			if (row.dropped() == hasValues) {
				problems.add(new Problem(row.line(), null,
						where + ": give either values (the corrected cells by column) or \"drop\": true"));
			}
			if (!lines.add(row.line())) {
				problems.add(new Problem(row.line(), null, where + ": line " + row.line() + " is corrected twice"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(
					"The corrections are invalid: " + problems.get(0).message()
							+ ((problems.size() > 1) ? " (and " + (problems.size() - 1) + " more problems)" : ""),
					problems);
		}
		return List.copyOf(rows);
	}

	private InvalidRequestException gone(String id) {
		return new InvalidRequestException(HttpStatus.GONE, "Gone", this.retention.gone("The file of import " + id),
				List.of());
	}

	private StoredImport find(String id, Viewer user) {
		return this.imports.findById(id, user)
			.filter((stored) -> user.maySee(stored.view()))
			.orElseThrow(() -> new NotFoundException("Import", id));
	}

}
