package io.govlife.query.support;

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
import java.util.function.Function;

/** What changed from one GovConfig to another: members added, removed and changed, by group. */
public record GovConfigDiff(Changes<Object> citizens, Changes<ConfluenceConfig> confluences,
                            Changes<ServiceRef> services) {

    public record Changed<T>(String name, T before, T after) {
    }

    public record Changes<T>(List<T> added, List<T> removed, List<Changed<T>> changed) {

        public boolean isNone() {
            return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
        }
    }

    /** {@code before} may be null: everything in {@code after} is then added. */
    public static GovConfigDiff between(GovConfig before, GovConfig after) {
        List<Object> beforeCitizens = before == null ? List.of() : citizens(before);
        return new GovConfigDiff(
                compare(beforeCitizens, citizens(after), GovConfigDiff::citizenName),
                compare(before == null ? List.of() : before.confluences(), after.confluences(),
                        c -> c.name().value()),
                compare(before == null ? List.of() : before.services(), after.services(),
                        s -> s.service().name()));
    }

    public boolean isNone() {
        return citizens.isNone() && confluences.isNone() && services.isNone();
    }

    /** One line per change, for the changelog and the feed. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        citizens.added.forEach(c -> lines.add("added " + describe(c)));
        citizens.removed.forEach(c -> lines.add("removed " + describe(c)));
        citizens.changed.forEach(c -> lines.add("changed " + describe(c.before()) + " → " + fingerprintOf(c.after())));
        confluences.added.forEach(c -> lines.add("added confluence " + c.name() + " over " + c.spans()
                + " at " + c.fingerprint()));
        confluences.removed.forEach(c -> lines.add("removed confluence " + c.name()));
        confluences.changed.forEach(c -> lines.add("upgraded confluence " + c.name() + " to state machine "
                + c.after().stateMachineVersion() + " at " + c.after().fingerprint()));
        services.added.forEach(s -> lines.add("shipped " + s.service() + " at " + s.fingerprint()));
        services.removed.forEach(s -> lines.add("withdrew " + s.service()));
        services.changed.forEach(s -> lines.add("re-shipped " + s.name() + " at " + s.after().fingerprint()));
        return lines;
    }

    private static String describe(Object citizen) {
        if (citizen instanceof LatticeRef lattice) {
            return "lattice " + lattice.name() + " (chain " + lattice.chainId() + ") at " + lattice.fingerprint();
        }
        OrganismRef organism = (OrganismRef) citizen;
        return "organism " + organism.role() + " at " + organism.fingerprint();
    }

    private static Object fingerprintOf(Object citizen) {
        return citizen instanceof LatticeRef lattice ? lattice.fingerprint() : ((OrganismRef) citizen).fingerprint();
    }

    private static List<Object> citizens(GovConfig config) {
        List<Object> all = new ArrayList<>(config.lattices());
        all.addAll(config.organisms());
        return all;
    }

    private static String citizenName(Object citizen) {
        return citizen instanceof LatticeRef lattice ? lattice.name().value() : ((OrganismRef) citizen).role().value();
    }

    private static <T> Changes<T> compare(List<T> before, List<T> after, Function<T, String> name) {
        Map<String, T> old = index(before, name);
        Map<String, T> now = index(after, name);
        List<T> added = new ArrayList<>();
        List<Changed<T>> changed = new ArrayList<>();
        now.forEach((key, value) -> {
            T previous = old.get(key);
            if (previous == null) {
                added.add(value);
            } else if (!Objects.equals(previous, value)) {
                changed.add(new Changed<>(key, previous, value));
            }
        });
        List<T> removed = old.entrySet().stream().filter(e -> !now.containsKey(e.getKey()))
                .map(Map.Entry::getValue).toList();
        return new Changes<>(added, removed, changed);
    }

    private static <T> Map<String, T> index(List<T> members, Function<T, String> name) {
        Map<String, T> map = new LinkedHashMap<>();
        members.forEach(member -> map.put(name.apply(member), member));
        return map;
    }
}
