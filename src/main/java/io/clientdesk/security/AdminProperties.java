package io.clientdesk.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first admin's password, from {@code CLIENTDESK_ADMIN_PASSWORD}.
 *
 * @param password the password of the user {@code admin} created at first start (used
 * then only); empty: one is generated and printed once in the log
 */
@ConfigurationProperties("clientdesk.admin")
record AdminProperties(String password) {
}
