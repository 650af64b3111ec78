package io.clientdesk.security;

/**
 * What a user may do. Each role includes the ones below it: an admin can do what a
 * manager can, a manager what an agent can.
 */
public enum Role {

	/** Everything, including users, projects, desks and settings. */
	ADMIN,

	/** Clients, imports and exports. */
	MANAGER,

	/** Reads clients. */
	AGENT

}
