package io.clientdesk.notification;

import java.sql.Timestamp;
import java.util.List;

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
			.sql("insert into notifications (id, username, kind, message, link, is_read, created_at)"
					+ " values (?, ?, ?, ?, ?, ?, ?)")
			.params(notification.id(), username, notification.kind(), notification.message(), notification.link(),
					notification.read(), Timestamp.from(notification.createdAt()))
			.update();
	}

	List<Notification> findByUser(String username, int limit) {
		return this.jdbc
			.sql("select id, kind, message, link, is_read, created_at from notifications where username = ?"
					+ " order by created_at desc, id desc limit ?")
			.params(username, limit)
			.query((rs, row) -> new Notification(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getBoolean(5), rs.getTimestamp(6).toInstant()))
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

}
