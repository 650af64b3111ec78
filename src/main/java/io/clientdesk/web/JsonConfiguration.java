package io.clientdesk.web;

import java.time.Instant;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

import io.clientdesk.shared.Instants;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Times in the API are written as {@link Instants#iso}: always with the milliseconds
 * (Jackson's default leaves them out when they are zero).
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

	@Bean
	JsonMapperBuilderCustomizer instantsWithMilliseconds() {
		SimpleModule module = new SimpleModule("clientdesk-instants");
		module.addSerializer(Instant.class, new StdSerializer<>(Instant.class) {
			@Override
			public void serialize(Instant value, JsonGenerator generator, SerializationContext context) {
				generator.writeString(Instants.iso(value));
			}
		});
		return (builder) -> builder.addModule(module);
	}

}
