package io.clientdesk.importing.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import io.clientdesk.importing.ImportStatus;
import io.clientdesk.importing.file.ErrorCode;
import io.clientdesk.importing.file.FileSource;
import io.clientdesk.importing.file.RowError;
import io.clientdesk.importing.rows.DateOrder;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ImportRepository {

	private static final String COLUMNS = "id, file_name, status, dry_run, on_error, total_rows, created_count,"
			+ " updated_count, unchanged_count, failed_count, created_by, created_at, started_at, finished_at,"
			+ " sha256, same_file_as, file_id, committed_from, date_format, processed_rows";

	/**
	 * The columns read besides: set by the retention only, and the import profile kept at
	 * upload.
	 */
	private static final String RETENTION_COLUMNS = ", files_deleted_at, profile_name, profile_definition";

	/** The columns read besides: set once, for an import of a corrected file. */
	private static final String CORRECTION_COLUMNS = ", corrected_from";

	/**
	 * The columns of undos (V18), read besides: {@code undone_by} is the undo that ended
	 * having undone the import.
	 */
	private static final String UNDO_COLUMNS = ", kind, undo_of, deleted_count, (select u.id from imports u"
			+ " where u.undo_of = i.id and u.status in ('SUCCEEDED', 'COMPLETED_WITH_ERRORS')"
			+ " order by u.created_at desc, u.id desc fetch first 1 rows only) as undone_by";

	/**
	 * The columns read, with {@code same_file_as} as the viewer may see it: the latest
	 * earlier import of the same file that is theirs, or any for an admin. It is computed
	 * at read time because who asks changes what may be named.
	 */
	private static final String READ_COLUMNS = COLUMNS.replace("same_file_as",
			"(select e.id from imports e where e.sha256 = i.sha256 and e.kind = 'IMPORT' and i.kind = 'IMPORT'"
					+ " and (e.created_at < i.created_at or (e.created_at = i.created_at and e.id < i.id))"
					+ " and (:admin or e.created_by = :viewer)"
					+ " order by e.created_at desc, e.id desc fetch first 1 rows only) as same_file_as")
			+ RETENTION_COLUMNS + UNDO_COLUMNS + CORRECTION_COLUMNS;

	/** Who reads for the system (the job): as an admin. */
	private static final Viewer ANYONE = new Viewer("", true);

	private static final TypeReference<List<ImportChange>> CHANGES = new TypeReference<>() {
	};

	/** Bytes of an uploaded file stored in one row. */
	static final int FILE_CHUNK_BYTES = 1024 * 1024;

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
		insertFile(id, sha256, FileSource.of(content), createdAt);
	}

	/**
	 * Stores a file in chunks of {@value #FILE_CHUNK_BYTES} bytes, read one at a time
	 * from its source: a file of any size is stored (and read again) holding one chunk.
	 */
	void insertFile(String id, String sha256, FileSource content, Instant createdAt) {
		this.jdbc.sql("insert into import_files (id, sha256, size_bytes, created_at) values (?, ?, ?, ?)")
			.params(id, sha256, content.size(), Timestamp.from(createdAt))
			.update();
		try (InputStream bytes = content.open()) {
			int chunk = 0;
			for (byte[] part = bytes.readNBytes(FILE_CHUNK_BYTES); part.length > 0; part = bytes
				.readNBytes(FILE_CHUNK_BYTES)) {
				this.jdbc.sql("insert into import_file_chunks (file_id, chunk, content) values (?, ?, ?)")
					.params(id, chunk++, part)
					.update();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the uploaded file", ex);
		}
	}

	/** The stored file, read chunk by chunk; empty once the retention has deleted it. */
	Optional<FileSource> storedFile(String fileId) {
		return this.jdbc.sql("select size_bytes from import_files where id = ? and deleted_at is null")
			.param(fileId)
			.query(Long.class)
			.optional()
			.map((size) -> new StoredFile(size, (chunk) -> fileChunk(fileId, chunk)));
	}

	/** The file's content, or null once the retention has deleted it. */
	byte[] fileContent(String fileId) {
		return storedFile(fileId).map((file) -> {
			try (InputStream bytes = file.open()) {
				return bytes.readAllBytes();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}).orElse(null);
	}

	private byte[] fileChunk(String fileId, int chunk) {
		return this.jdbc.sql("select content from import_file_chunks where file_id = ? and chunk = ?")
			.params(fileId, chunk)
			.query((rs, row) -> rs.getBytes(1))
			.optional()
			.orElse(null);
	}

	void insert(Import view, String fileId, String committedFrom) {
		this.jdbc
			.sql("insert into imports (" + COLUMNS
					+ ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(view.id(), view.fileName(), view.status().name(), view.dryRun(), view.onError().value(),
					view.totalRows(), view.created(), view.updated(), view.unchanged(), view.failed(), view.createdBy(),
					Timestamp.from(view.createdAt()), null, null, view.sha256(), view.sameFileAs(), fileId,
					committedFrom, (view.dateFormat() != null) ? view.dateFormat().name() : null, 0)
			.update();
	}

	/** Marks a new import as the correction of another one. */
	void correctedFrom(String id, String correctedId) {
		this.jdbc.sql("update imports set corrected_from = ? where id = ?").params(correctedId, id).update();
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
		return this.jdbc.sql(
				"select id from imports where sha256 = :sha256 and kind = 'IMPORT' and (:admin or created_by = :viewer)"
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
			.sql("update imports set created_count = ?, updated_count = ?, unchanged_count = ?, failed_count = ?,"
					+ " processed_rows = total_rows where id = ?")
			.params(created, updated, unchanged, failed, id)
			.update();
	}

	/** How many rows the running import has checked (and written) so far. */
	void setProgress(String id, int processedRows) {
		this.jdbc.sql("update imports set processed_rows = ? where id = ? and status = 'PROCESSING'")
			.params(processedRows, id)
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
		insertChanges(importId, 0, changes);
	}

	/**
	 * Stores more of what an import changed, from the chunk numbered {@code firstChunk}
	 * (the chunks before it are full).
	 */
	void insertChanges(String importId, int firstChunk, List<ImportChange> changes) {
		List<Object[]> rows = new ArrayList<>();
		for (int from = 0, chunk = firstChunk; from < changes.size(); from += CHANGES_PER_CHUNK, chunk++) {
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

	/**
	 * Stores the undo of an import, with the choice for the clients changed since: for
	 * all, and the clients restored although the choice is to keep (chosen row by row).
	 */
	void insertUndo(Import view, String fileId, UndoConflicts conflicts, Collection<String> restore) {
		this.jdbc
			.sql("insert into imports (" + COLUMNS + ", kind, undo_of, undo_conflicts, undo_restore)"
					+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(view.id(), view.fileName(), view.status().name(), view.dryRun(), view.onError().value(),
					view.totalRows(), 0, 0, 0, 0, view.createdBy(), Timestamp.from(view.createdAt()), null, null,
					view.sha256(), null, fileId, null, null, 0, Import.Kind.UNDO.name(), view.undoOf(),
					conflicts.value(), String.join(",", restore))
			.update();
	}

	/** The choice an undo was queued with, for the clients changed since the import. */
	UndoChoice undoChoice(String undoId) {
		return this.jdbc.sql("select undo_conflicts, undo_restore from imports where id = ?")
			.param(undoId)
			.query((rs, row) -> new UndoChoice(UndoConflicts.of(rs.getString(1)), ids(rs.getString(2))))
			.single();
	}

	/**
	 * The latest undo of the import that has not failed (queued, running or ended having
	 * undone it), if any.
	 */
	Optional<String> liveUndoOf(String importId, String except) {
		return this.jdbc
			.sql("select id from imports where undo_of = ? and status <> 'FAILED' and id <> ?"
					+ " order by created_at desc, id desc fetch first 1 rows only")
			.params(importId, except)
			.query(String.class)
			.optional();
	}

	/**
	 * Locks the import's row until the transaction ends: undos of one import queue and
	 * run one at a time.
	 */
	void lock(String id) {
		this.jdbc.sql("select id from imports where id = ? for update").param(id).query(String.class).list();
	}

	void setDeleted(String id, int deleted) {
		this.jdbc.sql("update imports set deleted_count = ? where id = ?").params(deleted, id).update();
	}

	/** Every entry of what an import changed, in its order. */
	List<ImportChange> allChanges(String importId) {
		List<ImportChange> entries = new ArrayList<>();
		this.jdbc.sql("select entries from import_change_chunks where import_id = ? order by chunk")
			.param(importId)
			.query((rs) -> {
				entries.addAll(this.json.readValue(rs.getString(1), CHANGES));
			});
		return entries;
	}

	private static Set<String> ids(String joined) {
		return (joined == null || joined.isEmpty()) ? Set.of() : Set.of(joined.split(","));
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
				DateOrder.parse(rs.getString("date_format")).orElse(null), Import.Kind.valueOf(rs.getString("kind")),
				rs.getString("undo_of"), rs.getString("undone_by"), rs.getInt("deleted_count"),
				rs.getInt("processed_rows"), null, rs.getString("corrected_from"), rs.getString("profile_name"));
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
