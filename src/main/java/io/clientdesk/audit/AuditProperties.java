package io.clientdesk.audit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the audit log ({@code clientdesk.audit.*}).
 *
 * @param apiLoginInterval an API user's successful logins (HTTP Basic, one per request)
 * are recorded at most once in this time per username and client address, on each server;
 * the default is as long as a checked password is remembered
 * (CachingAuthenticationProvider). Form logins and failures are always recorded.
 */
@ConfigurationProperties("clientdesk.audit")
record AuditProperties(@DefaultValue("5m") Duration apiLoginInterval) {
}
