package io.govlife.query.composition;

/**
 * Published (as a Spring application event, in the projection's unit of work) when a gov's composition changes, for
 * what other read paths keep made from it; {@code gov} is null when every gov's did (a reset before a rebuild).
 */
public record CompositionChanged(String gov) {

    static CompositionChanged ofAllGovs() {
        return new CompositionChanged(null);
    }

    public boolean everyGov() {
        return gov == null;
    }
}
