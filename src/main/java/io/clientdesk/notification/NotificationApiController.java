package io.clientdesk.notification;

import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class NotificationApiController {

	private final NotificationService notifications;

	NotificationApiController(NotificationService notifications) {
		this.notifications = notifications;
	}

	@GetMapping("/api/notifications")
	List<NotificationJson> list(Authentication user) {
		return this.notifications.list(user.getName()).stream().map(NotificationJson::of).toList();
	}

	@PostMapping("/api/notifications/{id}/read")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void markRead(@PathVariable String id, Authentication user) {
		this.notifications.markRead(id, user.getName());
	}

	/**
	 * A notification in the API: the fields of API.md, worded from the facts as they
	 * always read, and the import's ID so that a script need not read it from the link.
	 */
	record NotificationJson(String id, String kind, String message, String link, boolean read, Instant createdAt,
			String importId) {

		static NotificationJson of(Notification notification) {
			NotificationText text = new NotificationText(notification);
			return new NotificationJson(notification.id(), text.shownKind(), text.message(), text.link(),
					notification.read(), notification.createdAt(), notification.importId());
		}

	}

}
