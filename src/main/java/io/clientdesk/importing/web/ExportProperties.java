package io.clientdesk.importing.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the clients export ({@code clientdesk.export.*}).
 *
 * @param maxConcurrent exports one server streams at once; one more is answered 503 with
 * {@code Retry-After}
 * @param retryAfter what that answer's {@code Retry-After} says
 */
@ConfigurationProperties("clientdesk.export")
record ExportProperties(@DefaultValue("4") int maxConcurrent, @DefaultValue("10s") Duration retryAfter) {

}
