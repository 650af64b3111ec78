package io.clientdesk.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;

import io.clientdesk.importing.ImportStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class NotificationRepository {

	private final JdbcClient jdbc;

	NotificationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(String username, Notification notification) {
		this.jdbc
			.sql("insert into notifications (id, username, kind, import_id, outcome, dry_run, imported_count,"
					+ " failed_count, file_name, is_read, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(notification.id(), username, notification.kind().name(), notification.importId(),
					notification.outcome().name(), notification.dryRun(), notification.imported(),
					notification.failed(), notification.fileName(), notification.read(),
					Timestamp.from(notification.createdAt()))
			.update();
	}

	List<Notification> findByUser(String username, int limit) {
		return this.jdbc
			.sql("select id, kind, import_id, outcome, dry_run, imported_count, failed_count, file_name, is_read,"
					+ " created_at from notifications where username = ? order by created_at desc, id desc limit ?")
			.params(username, limit)
			.query(NotificationRepository::notification)
			.list();
	}

	int countUnread(String username) {
		return this.jdbc.sql("select count(*) from notifications where username = ? and is_read = false")
			.param(username)
			.query(Integer.class)
			.single();
	}

	boolean markRead(String id, String username) {
		return this.jdbc.sql("update notifications set is_read = true where id = ? and username = ?")
			.params(id, username)
			.update() == 1;
	}

	void markAllRead(String username) {
		this.jdbc.sql("update notifications set is_read = true where username = ? and is_read = false")
			.param(username)
			.update();
	}

	private static Notification notification(ResultSet rs, int row) throws SQLException {
		return new Notification(rs.getString("id"), Notification.Kind.valueOf(rs.getString("kind")),
				rs.getString("import_id"), ImportStatus.valueOf(rs.getString("outcome")), rs.getBoolean("dry_run"),
				rs.getInt("imported_count"), rs.getInt("failed_count"), rs.getString("file_name"),
				rs.getBoolean("is_read"), rs.getTimestamp("created_at").toInstant());
	}

}
