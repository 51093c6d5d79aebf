package io.govlife.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.regex.Pattern;

/**
 * A name govlife keeps: a gov's instance name ({@code ethereum.superchain}, chosen once and never edited), a
 * citizen's name within its gov (a lattice's instance name, an organism's role, a confluence's name: one namespace
 * per gov), an integrator's name within its gov. One rule for all three (DOMAIN.md): safe in a URL path segment, and
 * ordered the same as bytes and as strings — GOV_ROOT orders citizens by the UTF-8 bytes of their names, which for
 * this ASCII alphabet is String order.
 */
public record Name(String value) implements Comparable<Name> {

    /** 3–64 characters of {@code a-z 0-9 . -}, starting with a letter. */
    public static final String PATTERN = "^[a-z][a-z0-9.-]{2,63}$";
    public static final String RULE = "3-64 characters of a-z 0-9 . -, starting with a letter";
    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    /** @throws IllegalArgumentException when the value breaks the rule (Jackson and Spring name the field) */
    public Name {
        if (!isValid(value)) {
            throw new IllegalArgumentException("name must be " + RULE);
        }
    }

    @JsonCreator
    public static Name of(String value) {
        return new Name(value);
    }

    public static boolean isValid(String value) {
        return value != null && COMPILED.matcher(value).matches();
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public int compareTo(Name other) {
        return value.compareTo(other.value);
    }

    /** Axon routes commands by {@code toString()} of the target identifier, so this is the bare name. */
    @Override
    public String toString() {
        return value;
    }
}
