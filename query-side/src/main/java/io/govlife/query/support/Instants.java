package io.govlife.query.support;

import io.govlife.events.InvalidInput;
import java.time.Instant;

/**
 * Instant query parameters lie in years 2000 to 9999: outside, one overflows on its way to the database or stands
 * for "all time" in a filter. The command side's {@code @SaneInstant} holds the same range (no shared code but
 * messages between the two).
 */
public final class Instants {

    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    static final Instant END = Instant.parse("+10000-01-01T00:00:00Z");

    private Instants() {
    }

    /** {@code value} itself, null included; a 400 naming {@code parameter} when it lies outside the range. */
    public static Instant requireSane(String parameter, Instant value) {
        if (value != null && (value.isBefore(EARLIEST) || !value.isBefore(END))) {
            throw new InvalidInput(parameter, "must be an instant in the years 2000 to 9999");
        }
        return value;
    }
}
