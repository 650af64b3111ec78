package io.clientdesk.importing.job;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What imports keep per user (imports waiting, bytes of files), and the deletion of files
 * and error rows past their retention.
 */
@Repository
class ImportStorageRepository {

	private static final String UNFINISHED = "('QUEUED', 'PROCESSING')";

	private final JdbcClient jdbc;

	ImportStorageRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Locks the user's row until the transaction ends (made on the user's first upload):
	 * their uploads and commits are then checked against the limits one at a time.
	 */
	void lockUser(String username) {
		this.jdbc.sql("insert into import_quota_locks (username) values (?) on conflict do nothing")
			.param(username)
			.update();
		this.jdbc.sql("select username from import_quota_locks where username = ? for update")
			.param(username)
			.query(String.class)
			.single();
	}

	/** The user's imports, dry runs included, that are queued or processing. */
	int unfinished(String username) {
		return this.jdbc.sql("select count(*) from imports where created_by = ? and status in " + UNFINISHED)
			.param(username)
			.query(Integer.class)
			.single();
	}

	/**
	 * Bytes of the files the user uploaded that are still kept (a commit reuses its dry
	 * run's file, and counts nothing more).
	 */
	long storedBytes(String username) {
		return this.jdbc
			.sql("select coalesce(sum(f.size_bytes), 0) from import_files f where f.deleted_at is null and f.id in"
					+ " (select i.file_id from imports i where i.created_by = ? and i.committed_from is null)")
			.param(username)
			.query(Long.class)
			.single();
	}

	/**
	 * Deletes the content (the chunks) of the files uploaded before {@code cutoff} that
	 * no unfinished import needs; how many.
	 */
	int deleteFiles(Instant cutoff, Instant now) {
		int deleted = this.jdbc.sql("update import_files set deleted_at = :now where created_at < :cutoff"
				+ " and deleted_at is null and not exists (select 1 from imports i where i.file_id = import_files.id"
				+ " and i.status in " + UNFINISHED + ")")
			.param("now", Timestamp.from(now))
			.param("cutoff", Timestamp.from(cutoff))
			.update();
		// every deleted file's, not only these: the time as stored may be less precise
		this.jdbc
			.sql("delete from import_file_chunks where file_id in"
					+ " (select id from import_files where deleted_at is not null)")
			.update();
		return deleted;
	}

	/**
	 * Deletes the error rows of the finished imports started before {@code cutoff} and
	 * marks them; how many imports.
	 */
	int deleteErrors(Instant cutoff, Instant now) {
		String expired = "created_at < :cutoff and files_deleted_at is null and status not in " + UNFINISHED;
		this.jdbc.sql("delete from import_errors where import_id in (select id from imports where " + expired + ")")
			.param("cutoff", Timestamp.from(cutoff))
			.update();
		return this.jdbc.sql("update imports set files_deleted_at = :now where " + expired)
			.param("now", Timestamp.from(now))
			.param("cutoff", Timestamp.from(cutoff))
			.update();
	}

}
