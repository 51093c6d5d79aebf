package io.govlife.events.integrator;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.regex.Pattern;

/** A team that compiles a gov's GovConfig in and is told of its changes; unique per gov. */
public record IntegratorName(String value) {

    public static final String PATTERN = "^[a-z][a-z0-9.-]{2,63}$";
    public static final String RULE = "3-64 characters of a-z 0-9 . -, starting with a letter";
    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    public IntegratorName {
        if (value == null || !COMPILED.matcher(value).matches()) {
            throw new IllegalArgumentException("integrator name must be " + RULE);
        }
    }

    @JsonCreator
    public static IntegratorName of(String value) {
        return new IntegratorName(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
