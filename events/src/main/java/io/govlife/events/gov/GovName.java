package io.govlife.events.gov;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.regex.Pattern;

/**
 * A gov's instance name, chosen once and never edited ({@code ethereum.superchain}).
 */
public record GovName(String value) {

    /** 3–64 characters of {@code a-z 0-9 . -}, starting with a letter (DOMAIN.md). */
    public static final String PATTERN = "^[a-z][a-z0-9.-]{2,63}$";
    public static final String RULE = "3-64 characters of a-z 0-9 . -, starting with a letter";
    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    public GovName {
        if (value == null || !COMPILED.matcher(value).matches()) {
            throw new IllegalArgumentException("gov name must be " + RULE);
        }
    }

    @JsonCreator
    public static GovName of(String value) {
        return new GovName(value);
    }

    public static boolean isValid(String value) {
        return value != null && COMPILED.matcher(value).matches();
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /** Axon routes commands by {@code toString()} of the target identifier, so this is the bare name. */
    @Override
    public String toString() {
        return value;
    }
}
