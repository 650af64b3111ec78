package io.clientdesk.notification;

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
	List<Notification> list(Authentication user) {
		return this.notifications.list(user.getName());
	}

	@PostMapping("/api/notifications/{id}/read")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void markRead(@PathVariable String id, Authentication user) {
		this.notifications.markRead(id, user.getName());
	}

}
