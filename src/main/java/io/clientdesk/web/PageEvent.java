package io.clientdesk.web;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The events by which the server and the pages tell each other that something happened:
 * sent by the server in {@code HX-Trigger}, or fired by {@code app.js}, and listened to
 * in {@code hx-trigger}. Their names are spelled here only: templates read them from the
 * {@code events} model attribute ({@link PageAttributes}), {@code app.js} from the
 * {@code data-*-event} attributes of {@code <body>}.
 */
public enum PageEvent {

	/** An import that wrote clients has ended (its status says so): lists refresh. */
	IMPORT_FINISHED("clientdesk:import-finished"),

	/** The server has taken a file from the dialog: the dialog clears its form. */
	UPLOAD_ACCEPTED("clientdesk:upload-accepted"),

	/** The bell's unread count grew (fired by app.js): the clients list refreshes. */
	NOTIFIED("clientdesk:notified"),

	/**
	 * The bell's list was opened (fired by app.js from the popover's {@code toggle}): it
	 * loads. An htmx trigger filter could tell opening from closing only by evaluating
	 * script, which the Content-Security-Policy forbids.
	 */
	BELL_OPENED("clientdesk:bell-opened"),

	/** The bell's list was read: the bell reloads, showing no unread count. */
	BELL_REFRESH("clientdesk:bell-refresh");

	private final String eventName;

	PageEvent(String eventName) {
		this.eventName = eventName;
	}

	/** The name as the DOM and htmx know it. */
	public String eventName() {
		return this.eventName;
	}

	/**
	 * Every name by its constant, as templates read them ({@code ${events.NOTIFIED}}).
	 */
	static Map<String, String> byConstant() {
		return Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Enum::name, PageEvent::eventName));
	}

}
