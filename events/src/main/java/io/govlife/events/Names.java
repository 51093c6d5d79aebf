package io.govlife.events;

import java.util.regex.Pattern;

/**
 * The one naming rule for gov instance names, citizen names and integrator names (DOMAIN.md): safe in a URL path
 * segment, and ordered the same as bytes and as strings.
 */
public final class Names {

    /** 3–64 characters of {@code a-z 0-9 . -}, starting with a letter. */
    public static final String PATTERN = "^[a-z][a-z0-9.-]{2,63}$";
    public static final String RULE = "3-64 characters of a-z 0-9 . -, starting with a letter";
    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private Names() {
    }

    public static boolean isValid(String value) {
        return value != null && COMPILED.matcher(value).matches();
    }

    /** @throws IllegalArgumentException naming {@code what} when the value breaks the rule */
    public static String require(String value, String what) {
        if (!isValid(value)) {
            throw new IllegalArgumentException(what + " must be " + RULE);
        }
        return value;
    }
}
