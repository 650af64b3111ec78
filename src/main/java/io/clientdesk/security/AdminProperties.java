package io.clientdesk.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first admin's password, from {@code CLIENTDESK_ADMIN_PASSWORD}. Empty: one is
 * generated at first start and printed once in the log.
 */
@ConfigurationProperties("clientdesk.admin")
record AdminProperties(String password) {
}
