package io.clientdesk.notification;

import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import io.clientdesk.web.PageEvent;

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

	/** The list, without marking anything read. */
	@GetMapping("/notifications/panel")
	String panel(Authentication user, Model model) {
		model.addAttribute("items", items(this.notifications.list(user.getName())));
		return "notification/bell :: panel";
	}

	/**
	 * Opening the list marks what it shows as read; what was unread until now stays
	 * highlighted in this list, and the bell's count goes.
	 */
	@PostMapping("/notifications/open")
	String open(Authentication user, Model model, HttpServletResponse response) {
		model.addAttribute("items", items(this.notifications.list(user.getName())));
		this.notifications.markAllRead(user.getName());
		response.setHeader("HX-Trigger", PageEvent.BELL_REFRESH.eventName());
		return "notification/bell :: panel";
	}

	@PostMapping("/notifications/read")
	String markAllRead(Authentication user, Model model) {
		this.notifications.markAllRead(user.getName());
		return bell(user, model);
	}

	static List<Item> items(List<Notification> notifications) {
		return notifications.stream().map(BellController::item).toList();
	}

	/** A notification as the bell shows it, worded and linked from its facts. */
	static Item item(Notification notification) {
		NotificationText text = new NotificationText(notification);
		return new Item(notification.id(), text.shownKind(), text.failed(), text.title(), text.detail(), text.link(),
				text.errorReport(), text.commit(), notification.read(), notification.createdAt());
	}

	/**
	 * One line of the bell's list: a title ("Import failed"), its detail, where it links
	 * to, the error report under the session (or null), where to import a clean check at
	 * once (or null).
	 */
	record Item(String id, String kind, boolean failed, String title, String detail, String link, String errorReport,
			String commit, boolean read, Instant createdAt) {
	}

}
