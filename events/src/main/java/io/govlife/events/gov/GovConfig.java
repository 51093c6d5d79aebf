package io.govlife.events.gov;

import io.govlife.events.citizen.CitizenKind;
import io.govlife.events.Name;
import io.govlife.events.citizen.CitizenRef;
import io.govlife.events.citizen.ConfluenceConfig;
import io.govlife.events.citizen.LatticeRef;
import io.govlife.events.citizen.OrganismRef;
import io.govlife.events.service.BasicService;
import io.govlife.events.service.ServiceRef;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The content of a GovConfig: what the gov names. Immutable and kept in canonical order (each group sorted by
 * citizen name, services in {@link BasicService} order), so two configs with the same content are equal and
 * serialise to the same JSON whatever order the changes came in. Drafts and published revisions are both this.
 */
public record GovConfig(Name gov,
                        List<LatticeRef> lattices,
                        List<OrganismRef> organisms,
                        List<ConfluenceConfig> confluences,
                        List<ServiceRef> services) {

    public GovConfig {
        Objects.requireNonNull(gov, "gov");
        lattices = sorted(lattices, LatticeRef::name);
        organisms = sorted(organisms, OrganismRef::role);
        confluences = sorted(confluences, ConfluenceConfig::name);
        services = services == null ? List.of()
                : services.stream().sorted(Comparator.comparing(ServiceRef::service)).toList();
    }

    public static GovConfig empty(Name gov) {
        return new GovConfig(gov, List.of(), List.of(), List.of(), List.of());
    }

    /** GOV_ROOT of this content: the fingerprint integrators bind to. */
    public Fingerprint fingerprint() {
        return GovRoot.of(this);
    }

    public boolean namesNothing() {
        return lattices.isEmpty() && organisms.isEmpty() && confluences.isEmpty() && services.isEmpty();
    }

    public boolean names(Name citizen) {
        return kindOf(citizen).isPresent();
    }

    public Optional<CitizenKind> kindOf(Name citizen) {
        if (lattices.stream().anyMatch(l -> l.name().equals(citizen))) {
            return Optional.of(CitizenKind.LATTICE);
        }
        if (organisms.stream().anyMatch(o -> o.role().equals(citizen))) {
            return Optional.of(CitizenKind.ORGANISM);
        }
        if (confluences.stream().anyMatch(c -> c.name().equals(citizen))) {
            return Optional.of(CitizenKind.CONFLUENCE);
        }
        return Optional.empty();
    }

    /** The lattice or organism of that name, if the config names one. */
    public Optional<CitizenRef> reference(Name citizen) {
        return Stream.<CitizenRef>concat(lattices.stream(), organisms.stream())
                .filter(ref -> ref.name().equals(citizen))
                .findFirst();
    }

    public Optional<ConfluenceConfig> confluence(Name name) {
        return confluences.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public Optional<ServiceRef> service(BasicService service) {
        return services.stream().filter(s -> s.service() == service).findFirst();
    }

    public Optional<Fingerprint> fingerprintOf(Name citizen) {
        return reference(citizen).map(CitizenRef::fingerprint)
                .or(() -> confluence(citizen).map(ConfluenceConfig::fingerprint));
    }

    public List<Name> confluencesSpanning(Name citizen) {
        return confluences.stream().filter(c -> c.spans(citizen)).map(ConfluenceConfig::name).toList();
    }

    /** Adds the reference, or puts it in place of the lattice or organism of the same name. */
    public GovConfig with(CitizenRef ref) {
        GovConfig without = without(ref.name());
        if (ref instanceof LatticeRef lattice) {
            return without.withLattices(plus(without.lattices, lattice));
        }
        return without.withOrganisms(plus(without.organisms, (OrganismRef) ref));
    }

    /** Adds the confluence, or puts it in place of the confluence of the same name. */
    public GovConfig with(ConfluenceConfig confluence) {
        List<ConfluenceConfig> kept = new ArrayList<>(confluences);
        kept.removeIf(c -> c.name().equals(confluence.name()));
        kept.add(confluence);
        return new GovConfig(gov, lattices, organisms, kept, services);
    }

    public GovConfig with(ServiceRef service) {
        List<ServiceRef> kept = new ArrayList<>(services);
        kept.removeIf(s -> s.service() == service.service());
        kept.add(service);
        return new GovConfig(gov, lattices, organisms, confluences, kept);
    }

    /** Removes the citizen of that name, whatever its kind. */
    public GovConfig without(Name citizen) {
        return new GovConfig(gov,
                lattices.stream().filter(l -> !l.name().equals(citizen)).toList(),
                organisms.stream().filter(o -> !o.role().equals(citizen)).toList(),
                confluences.stream().filter(c -> !c.name().equals(citizen)).toList(),
                services);
    }

    public GovConfig without(BasicService service) {
        return new GovConfig(gov, lattices, organisms, confluences,
                services.stream().filter(s -> s.service() != service).toList());
    }

    /** The lattice or organism of that name moved to a new fingerprint, as a bump's cutover does. */
    public GovConfig withFingerprint(Name citizen, Fingerprint fingerprint) {
        return reference(citizen).map(ref -> with(ref.withFingerprint(fingerprint))).orElse(this);
    }

    private GovConfig withLattices(List<LatticeRef> newLattices) {
        return new GovConfig(gov, newLattices, organisms, confluences, services);
    }

    private GovConfig withOrganisms(List<OrganismRef> newOrganisms) {
        return new GovConfig(gov, lattices, newOrganisms, confluences, services);
    }

    private static <T> List<T> plus(List<T> list, T element) {
        List<T> result = new ArrayList<>(list);
        result.add(element);
        return result;
    }

    private static <T> List<T> sorted(List<T> list, Function<T, Name> name) {
        return list == null ? List.of() : list.stream().sorted(Comparator.comparing(name)).toList();
    }
}
