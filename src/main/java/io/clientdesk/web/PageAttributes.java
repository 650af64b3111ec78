package io.clientdesk.web;

import java.util.Locale;
import java.util.Map;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's templates may use, whichever controller renders them. */
@ControllerAdvice
class PageAttributes {

	private static final Map<String, String> EVENTS = PageEvent.byConstant();

	/** The names of the {@link PageEvent}s: {@code ${events.IMPORT_FINISHED}}. */
	@ModelAttribute("events")
	Map<String, String> events() {
		return EVENTS;
	}

	/** Instants as the pages write them: {@code ${times.table(client.created)}}. */
	@ModelAttribute("times")
	PageTimes times(Locale locale) {
		return new PageTimes(locale);
	}

}
