package io.clientdesk.support;

/**
 * What a whole page has around its content, and an htmx fragment has not: the document,
 * the header with the main navigation, the user's menu.
 */
public final class Layout {

	/** Found in every whole page, and in no fragment. */
	public static final String[] AROUND_THE_CONTENT = { "<html", "<header", "aria-label=\"Main\"", "Log out" };

	private Layout() {
	}

}
