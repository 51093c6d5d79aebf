package io.govlife.events.citizen;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.govlife.events.Names;

/**
 * The name a gov knows a citizen by: a lattice's instance name, an organism's role, a confluence's name.
 * One namespace per gov, so no two citizens of a gov share a name whatever their kind.
 */
public record CitizenName(String value) implements Comparable<CitizenName> {

    public static final String PATTERN = Names.PATTERN;
    public static final String RULE = Names.RULE;

    public CitizenName {
        Names.require(value, "citizen name");
    }

    @JsonCreator
    public static CitizenName of(String value) {
        return new CitizenName(value);
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
