/**
 * The audit log: an append-only record of who logged in (and who failed to), and who
 * created and changed users, projects and desks, changed settings, uploaded, committed
 * and exported. The modules that make a change call {@link io.clientdesk.audit.AuditLog}
 * in the transaction of that change, so that a change rolled back is not recorded as
 * done; logins are heard from Spring Security's authentication events. The module depends
 * on no other module but {@code shared} (and {@code web} for its pages), so that every
 * module may call it without a cycle.
 */
package io.clientdesk.audit;
