package io.clientdesk.importing.job;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import io.clientdesk.importing.ImportStatus;
import io.clientdesk.importing.file.ErrorCode;
import io.clientdesk.importing.file.RowError;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ImportRepository {

	private static final String COLUMNS = "id, file_name, status, dry_run, on_error, total_rows, created_count,"
			+ " updated_count, unchanged_count, failed_count, created_by, created_at, started_at, finished_at,"
			+ " sha256, same_file_as, file_id, committed_from";

	/**
	 * The columns read besides: set by the retention only, and the import profile kept at
	 * upload.
	 */
	private static final String RETENTION_COLUMNS = ", files_deleted_at, profile_name, profile_definition";

	/**
	 * The columns read, with {@code same_file_as} as the viewer may see it: the latest
	 * earlier import of the same file that is theirs, or any for an admin. It is computed
	 * at read time because who asks changes what may be named.
	 */
	private static final String READ_COLUMNS = COLUMNS.replace("same_file_as",
			"(select e.id from imports e where e.sha256 = i.sha256"
					+ " and (e.created_at < i.created_at or (e.created_at = i.created_at and e.id < i.id))"
					+ " and (:admin or e.created_by = :viewer)"
					+ " order by e.created_at desc, e.id desc fetch first 1 rows only) as same_file_as")
			+ RETENTION_COLUMNS;

	/** Who reads for the system (the job): as an admin. */
	private static final Viewer ANYONE = new Viewer("", true);

	private static final TypeReference<List<ImportChange>> CHANGES = new TypeReference<>() {
	};

	/** Entries of the record of changes stored in one row. */
	static final int CHANGES_PER_CHUNK = 500;

	/**
	 * An import as stored: what the API shows, where its file is, and the definition of
	 * the import profile that maps its columns (or null).
	 */
	record StoredImport(Import view, String fileId, String committedFrom, String profileDefinition) {
	}

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final JsonMapper json = JsonMapper.builder().build();

	ImportRepository(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	void insertFile(String id, String sha256, byte[] content, Instant createdAt) {
		this.jdbc.sql("insert into import_files (id, sha256, size_bytes, content, created_at) values (?, ?, ?, ?, ?)")
			.params(id, sha256, content.length, content, Timestamp.from(createdAt))
			.update();
	}

	/** The file's content, or null once the retention has deleted it. */
	byte[] fileContent(String fileId) {
		return this.jdbc.sql("select content from import_files where id = ?")
			.param(fileId)
			.query((rs, row) -> rs.getBytes(1))
			.list()
			.get(0);
	}

	void insert(Import view, String fileId, String committedFrom) {
		this.jdbc
			.sql("insert into imports (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(view.id(), view.fileName(), view.status().name(), view.dryRun(), view.onError().value(),
					view.totalRows(), view.created(), view.updated(), view.unchanged(), view.failed(), view.createdBy(),
					Timestamp.from(view.createdAt()), null, null, view.sha256(), view.sameFileAs(), fileId,
					committedFrom)
			.update();
	}

	/** Keeps the import profile that maps the import's file, as it is now. */
	void setProfile(String id, String name, String definition) {
		this.jdbc.sql("update imports set profile_name = ?, profile_definition = ? where id = ?")
			.params(name, definition, id)
			.update();
	}

	Optional<StoredImport> findById(String id) {
		return findById(id, ANYONE);
	}

	/** An import, with the earlier import of the same file that the viewer may see. */
	Optional<StoredImport> findById(String id, Viewer viewer) {
		return this.jdbc.sql("select " + READ_COLUMNS + " from imports i where id = :id")
			.param("id", id)
			.param("admin", viewer.admin())
			.param("viewer", viewer.username())
			.query(ImportRepository::storedImport)
			.optional();
	}

	/** Imports newest first: all of them for an admin, one's own for others. */
	List<Import> findAll(Viewer viewer, int limit) {
		return this.jdbc
			.sql("select " + READ_COLUMNS + " from imports i where (:admin or created_by = :viewer)"
					+ " order by created_at desc, id desc limit :limit")
			.param("admin", viewer.admin())
			.param("viewer", viewer.username())
			.param("limit", limit)
			.query(ImportRepository::storedImport)
			.list()
			.stream()
			.map(StoredImport::view)
			.toList();
	}

	Optional<String> committedAs(String dryRunId) {
		return this.jdbc.sql("select id from imports where committed_from = ? fetch first 1 rows only")
			.param(dryRunId)
			.query(String.class)
			.optional();
	}

	/**
	 * The latest import of the file that the viewer may see: theirs, or any for an admin.
	 */
	Optional<String> latestWithSha256(String sha256, Viewer viewer) {
		return this.jdbc
			.sql("select id from imports where sha256 = :sha256 and (:admin or created_by = :viewer)"
					+ " order by created_at desc, id desc fetch first 1 rows only")
			.param("sha256", sha256)
			.param("admin", viewer.admin())
			.param("viewer", viewer.username())
			.query(String.class)
			.optional();
	}

	/**
	 * Moves an import to the given state if it is in one of the states allowed before it;
	 * says whether it did.
	 */
	boolean moveTo(String id, ImportStatus status, Instant at) {
		Set<ImportStatus> before = status.allowedBefore();
		String timeColumn = (status == ImportStatus.PROCESSING) ? "started_at" : "finished_at";
		return this.jdbc
			.sql("update imports set status = :status, " + timeColumn + " = :at where id = :id and status in (:before)")
			.param("status", status.name())
			.param("at", Timestamp.from(at))
			.param("id", id)
			.param("before", before.stream().map(Enum::name).toList())
			.update() == 1;
	}

	void setCounts(String id, int created, int updated, int unchanged, int failed) {
		this.jdbc
			.sql("update imports set created_count = ?, updated_count = ?, unchanged_count = ?, failed_count = ?"
					+ " where id = ?")
			.params(created, updated, unchanged, failed, id)
			.update();
	}

	void insertErrors(String importId, List<RowError> errors) {
		this.batch.batchUpdate(
				"insert into import_errors (import_id, line, column_name, cell_value, code, message)"
						+ " values (?, ?, ?, ?, ?, ?)",
				errors.stream()
					.map((error) -> new Object[] { importId, error.line(), error.column(),
							truncate(error.value(), 1000), error.code().code(), truncate(error.message(), 1000) })
					.toList());
	}

	List<RowError> errors(String importId) {
		return this.jdbc
			.sql("select line, column_name, cell_value, code, message from import_errors where import_id = ?"
					+ " order by line")
			.param(importId)
			.query((rs, row) -> new RowError(rs.getInt(1), rs.getString(2), rs.getString(3),
					ErrorCode.of(rs.getString(4)), rs.getString(5)))
			.list();
	}

	/**
	 * Stores what an import changed in chunks of {@value #CHANGES_PER_CHUNK} entries, one
	 * row each: a few rows per import instead of one per client.
	 */
	void insertChanges(String importId, List<ImportChange> changes) {
		List<Object[]> rows = new ArrayList<>();
		for (int from = 0, chunk = 0; from < changes.size(); from += CHANGES_PER_CHUNK, chunk++) {
			List<ImportChange> entries = changes.subList(from, Math.min(changes.size(), from + CHANGES_PER_CHUNK));
			rows.add(new Object[] { importId, chunk, entries.size(), this.json.writeValueAsString(entries) });
		}
		this.batch.batchUpdate(
				"insert into import_change_chunks (import_id, chunk, entry_count, entries) values (?, ?, ?, ?)", rows);
	}

	/** A page of what an import changed, read from the chunks the page spans. */
	List<ImportChange> changes(String importId, int page, int size) {
		long first = (long) page * size;
		long last = first + size - 1;
		List<ImportChange> entries = new ArrayList<>(size);
		this.jdbc
			.sql("select chunk, entries from import_change_chunks where import_id = ? and chunk between ? and ?"
					+ " order by chunk")
			.params(importId, first / CHANGES_PER_CHUNK, last / CHANGES_PER_CHUNK)
			.query((rs) -> {
				long offset = (long) rs.getInt(1) * CHANGES_PER_CHUNK;
				List<ImportChange> chunk = this.json.readValue(rs.getString(2), CHANGES);
				for (int i = 0; i < chunk.size(); i++) {
					if (offset + i >= first && offset + i <= last) {
						entries.add(chunk.get(i));
					}
				}
			});
		return entries;
	}

	long countChanges(String importId) {
		return this.jdbc.sql("select coalesce(sum(entry_count), 0) from import_change_chunks where import_id = ?")
			.param(importId)
			.query(Long.class)
			.single();
	}

	private static String truncate(String text, int max) {
		return (text != null && text.length() > max) ? text.substring(0, max - 1) + "…" : text;
	}

	private static StoredImport storedImport(ResultSet rs, int row) throws SQLException {
		String id = rs.getString("id");
		int failed = rs.getInt("failed_count");
		Import view = new Import(id, rs.getString("file_name"), ImportStatus.valueOf(rs.getString("status")),
				rs.getBoolean("dry_run"), OnError.of(rs.getString("on_error")), rs.getInt("total_rows"),
				rs.getInt("created_count"), rs.getInt("updated_count"), rs.getInt("unchanged_count"), failed,
				rs.getString("created_by"), instant(rs, "created_at"), instant(rs, "started_at"),
				instant(rs, "finished_at"),
				hasErrorReport(rs.getString("status")) ? ImportService.errorReportPath(id) : null,
				rs.getString("sha256"), rs.getString("same_file_as"), instant(rs, "files_deleted_at"),
				rs.getString("profile_name"));
		return new StoredImport(view, rs.getString("file_id"), rs.getString("committed_from"),
				rs.getString("profile_definition"));
	}

	private static boolean hasErrorReport(String status) {
		return ImportStatus.FAILED.name().equals(status) || ImportStatus.COMPLETED_WITH_ERRORS.name().equals(status);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
