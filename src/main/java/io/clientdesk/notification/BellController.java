package io.clientdesk.notification;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The bell in the page header. The layout loads it with htmx and polls it every few
 * seconds, so it shows an import's end without a reload, whichever server ran the import.
 */
@Controller
class BellController {

	private final NotificationService notifications;

	BellController(NotificationService notifications) {
		this.notifications = notifications;
	}

	@GetMapping("/notifications/bell")
	String bell(Authentication user, Model model) {
		model.addAttribute("unread", this.notifications.unreadCount(user.getName()));
		return "notification/bell :: bell";
	}

	@GetMapping("/notifications/panel")
	String panel(Authentication user, Model model) {
		model.addAttribute("notifications", this.notifications.list(user.getName()));
		return "notification/bell :: panel";
	}

	/** Opening the panel marks what it shows as read. */
	@PostMapping("/notifications/read")
	String markAllRead(Authentication user, Model model) {
		this.notifications.markAllRead(user.getName());
		return bell(user, model);
	}

}
