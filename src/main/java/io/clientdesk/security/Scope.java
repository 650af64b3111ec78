package io.clientdesk.security;

import java.util.List;
import java.util.TreeSet;

/**
 * The projects and desks whose clients a user works with, as an admin set them: a client
 * is in the scope when its project is one of {@code projects} and its desk one of
 * {@code desks}, an empty list meaning no limit on that dimension. A scoped user lists,
 * searches, reads, exports and imports only the clients in their scope. Admins are never
 * scoped: theirs is {@link #UNLIMITED}.
 *
 * @param projects project IDs, sorted, each once; empty: any project
 * @param desks desk IDs, sorted, each once; empty: any desk
 */
public record Scope(List<String> projects, List<String> desks) {

	/** No limit: every client. */
	public static final Scope UNLIMITED = new Scope(List.of(), List.of());

	public Scope {
		projects = List.copyOf(new TreeSet<>(projects));
		desks = List.copyOf(new TreeSet<>(desks));
	}

	/** Whether the scope leaves some clients out. */
	public boolean limited() {
		return !this.projects.isEmpty() || !this.desks.isEmpty();
	}

	public boolean includesProject(String project) {
		return this.projects.isEmpty() || this.projects.contains(project);
	}

	public boolean includesDesk(String desk) {
		return this.desks.isEmpty() || this.desks.contains(desk);
	}

	/** Whether a client of this project and desk is in the scope. */
	public boolean includes(String project, String desk) {
		return includesProject(project) && includesDesk(desk);
	}

}
