package io.govlife.events.citizen;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.regex.Pattern;

/**
 * The name a gov knows a citizen by: a lattice's instance name, an organism's role, a confluence's name.
 * One namespace per gov, so no two citizens of a gov share a name whatever their kind.
 */
public record CitizenName(String value) implements Comparable<CitizenName> {

    /** Same alphabet as gov names, so a name is safe in a URL path segment and sorts the same everywhere. */
    public static final String PATTERN = "^[a-z][a-z0-9.-]{2,63}$";
    public static final String RULE = "3-64 characters of a-z 0-9 . -, starting with a letter";
    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    public CitizenName {
        if (value == null || !COMPILED.matcher(value).matches()) {
            throw new IllegalArgumentException("citizen name must be " + RULE);
        }
    }

    @JsonCreator
    public static CitizenName of(String value) {
        return new CitizenName(value);
    }

    public static boolean isValid(String value) {
        return value != null && COMPILED.matcher(value).matches();
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /** GOV_ROOT orders citizens by the UTF-8 bytes of their names; for this ASCII alphabet that is String order. */
    @Override
    public int compareTo(CitizenName other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
