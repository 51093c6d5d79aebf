package io.govlife.events.integrator;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.govlife.events.Names;

/** A team that compiles a gov's GovConfig in and is told of its changes; unique per gov. */
public record IntegratorName(String value) {

    public static final String PATTERN = Names.PATTERN;
    public static final String RULE = Names.RULE;

    public IntegratorName {
        Names.require(value, "integrator name");
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
