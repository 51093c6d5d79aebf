package io.govlife.command.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;

/**
 * An instant in years 2000 to 9999. Jackson reads any instant {@link Instant} can hold, but one far out overflows on
 * its way to the database (a deadline for year 999999999 fired at once, then every second) and none of this
 * service's instants can lie before 2000. Null is valid: pair with {@code @NotNull} where required.
 * <p>
 * The query side checks its instant parameters against the same range in {@code io.govlife.query.support.Instants}:
 * the two modules share no code but messages.
 */
@Documented
@Constraint(validatedBy = SaneInstant.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface SaneInstant {

    Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    /** Exclusive. */
    Instant END = Instant.parse("+10000-01-01T00:00:00Z");

    String message() default "must be an instant in the years 2000 to 9999";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<SaneInstant, Instant> {
        @Override
        public boolean isValid(Instant value, ConstraintValidatorContext context) {
            return value == null || (!value.isBefore(EARLIEST) && value.isBefore(END));
        }
    }
}
