package io.clientdesk.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A text of at most so many bytes in UTF-8: bcrypt reads no further than 72 bytes of a
 * password and Spring Security refuses longer ones, so the limit is in bytes, not in
 * characters ("é" is two).
 */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = MaxUtf8Bytes.Check.class)
@interface MaxUtf8Bytes {

	int value();

	String message() default "must be at most {value} bytes in UTF-8 (an accented letter counts 2, most symbols 3)";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Check implements ConstraintValidator<MaxUtf8Bytes, CharSequence> {

		private int max;

		@Override
		public void initialize(MaxUtf8Bytes constraint) {
			this.max = constraint.value();
		}

		@Override
		public boolean isValid(CharSequence text, ConstraintValidatorContext context) {
			return text == null || text.toString().getBytes(StandardCharsets.UTF_8).length <= this.max;
		}

	}

}
