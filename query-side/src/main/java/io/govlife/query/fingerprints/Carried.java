package io.govlife.query.fingerprints;

import io.govlife.events.citizen.ConfluenceConfig;
import io.govlife.events.citizen.LatticeRef;
import io.govlife.events.citizen.OrganismRef;
import io.govlife.events.gov.GovConfig;
import io.govlife.events.service.ServiceRef;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A fingerprint as one revision carries it: the gov root (citizen {@link #ROOT}), or a lattice's, organism's,
 * confluence's or basic service's (named by its service, upper case, so it never meets a citizen's name).
 */
record Carried(String citizen, String kind, String fingerprint) {

    /** The citizen column of the gov root: the table's key has no nulls. */
    static final String ROOT = "";
    static final String GOV_ROOT = "GOV_ROOT";

    boolean isRoot() {
        return ROOT.equals(citizen);
    }

    /** Everything a revision carries, by citizen (the root under {@link #ROOT}). */
    static Map<String, Carried> by(GovConfig config) {
        Map<String, Carried> all = new LinkedHashMap<>();
        all.put(ROOT, new Carried(ROOT, GOV_ROOT, config.fingerprint().hex()));
        for (LatticeRef l : config.lattices()) {
            all.put(l.name().value(), new Carried(l.name().value(), "LATTICE", l.fingerprint().hex()));
        }
        for (OrganismRef o : config.organisms()) {
            all.put(o.role().value(), new Carried(o.role().value(), "ORGANISM", o.fingerprint().hex()));
        }
        for (ConfluenceConfig c : config.confluences()) {
            all.put(c.name().value(), new Carried(c.name().value(), "CONFLUENCE", c.fingerprint().hex()));
        }
        for (ServiceRef s : config.services()) {
            all.put(s.service().name(), new Carried(s.service().name(), "SERVICE", s.fingerprint().hex()));
        }
        return all;
    }

    /**
     * What a publication changes in the runs: the fingerprints it stops carrying (each with what its citizen carries
     * instead, null when the citizen is gone) and those it starts carrying. A fingerprint carried before and after
     * by the same citizen changes nothing: a metadata-only revision keeps its root's run going.
     */
    record Step(List<Closed> closed, List<Carried> opened) {

        record Closed(Carried carried, String nextFingerprint) {
        }

        static Step between(GovConfig before, GovConfig after) {
            Map<String, Carried> old = before == null ? Map.of() : by(before);
            Map<String, Carried> now = by(after);
            List<Closed> closed = new ArrayList<>();
            old.forEach((citizen, carried) -> {
                Carried next = now.get(citizen);
                if (next == null || !Objects.equals(next.fingerprint, carried.fingerprint)) {
                    closed.add(new Closed(carried, next == null ? null : next.fingerprint));
                }
            });
            List<Carried> opened = now.entrySet().stream()
                    .filter(e -> {
                        Carried previous = old.get(e.getKey());
                        return previous == null || !Objects.equals(previous.fingerprint, e.getValue().fingerprint);
                    })
                    .map(Map.Entry::getValue).toList();
            return new Step(closed, opened);
        }
    }
}
