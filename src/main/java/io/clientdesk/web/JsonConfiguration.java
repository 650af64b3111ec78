package io.clientdesk.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Times in the API are ISO-8601 UTC with milliseconds and {@code Z}, always with the
 * milliseconds (Jackson's default leaves them out when they are zero).
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

	static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	@Bean
	JsonMapperBuilderCustomizer instantsWithMilliseconds() {
		SimpleModule module = new SimpleModule("clientdesk-instants");
		module.addSerializer(Instant.class, new StdSerializer<>(Instant.class) {
			@Override
			public void serialize(Instant value, JsonGenerator generator, SerializationContext context) {
				generator.writeString(INSTANT.format(value));
			}
		});
		return (builder) -> builder.addModule(module);
	}

}
