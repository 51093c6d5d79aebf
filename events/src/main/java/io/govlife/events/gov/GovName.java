package io.govlife.events.gov;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.govlife.events.Names;

/**
 * A gov's instance name, chosen once and never edited ({@code ethereum.superchain}).
 */
public record GovName(String value) {

    public static final String PATTERN = Names.PATTERN;
    public static final String RULE = Names.RULE;

    public GovName {
        Names.require(value, "gov name");
    }

    @JsonCreator
    public static GovName of(String value) {
        return new GovName(value);
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
