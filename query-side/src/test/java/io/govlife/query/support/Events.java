package io.govlife.query.support;

import io.govlife.events.Name;
import io.govlife.events.citizen.CitizenReferenced;
import io.govlife.events.citizen.ConfluenceConfig;
import io.govlife.events.citizen.LatticeRef;
import io.govlife.events.citizen.OrganismRef;
import io.govlife.events.gov.Archetype;
import io.govlife.events.gov.Fingerprint;
import io.govlife.events.gov.GovConfig;
import io.govlife.events.gov.GovConfigPublished;
import io.govlife.events.gov.GovCreated;
import io.govlife.events.service.BasicService;
import io.govlife.events.service.ServiceRef;

import java.util.List;

/** Real event values for projection tests: one small ecosystem gov. */
public final class Events {

    public static final Name GOV = Name.of("ethereum.superchain");
    public static final Name BASE = Name.of("base");
    public static final Name ZORA = Name.of("zora");
    public static final Name BRIDGE = Name.of("bridge");
    public static final LatticeRef BASE_LATTICE = new LatticeRef(BASE, 8453, fp(0x11), null, null);
    public static final LatticeRef ZORA_LATTICE = new LatticeRef(ZORA, 7777777, fp(0x22), null, null);
    public static final OrganismRef ORACLE = new OrganismRef(Name.of("price-oracle"), fp(0x33), "oracle", null,
            null);
    public static final ConfluenceConfig BRIDGE_V1 = new ConfluenceConfig(BRIDGE, fp(0x44), List.of(BASE, ZORA), "1",
            List.of());
    public static final ServiceRef ATLAS = new ServiceRef(BasicService.ATLAS, fp(0x55), "https://docs.example/atlas");

    private Events() {
    }

    public static Fingerprint fp(int b) {
        return Fingerprint.of(String.format("%02x", b).repeat(32));
    }

    public static GovCreated created() {
        return new GovCreated(GOV, Archetype.ECOSYSTEM, "superchain", GovConfig.empty(GOV).fingerprint(), "alice");
    }

    public static CitizenReferenced referenced(Object ref, GovConfig draftAfter) {
        return new CitizenReferenced(GOV, (io.govlife.events.citizen.CitizenRef) ref, draftAfter.fingerprint());
    }

    public static GovConfig config(Object... members) {
        GovConfig config = GovConfig.empty(GOV);
        for (Object member : members) {
            if (member instanceof io.govlife.events.citizen.CitizenRef ref) {
                config = config.with(ref);
            } else if (member instanceof ConfluenceConfig c) {
                config = config.with(c);
            } else if (member instanceof ServiceRef s) {
                config = config.with(s);
            }
        }
        return config;
    }

    public static GovConfigPublished published(long revision, GovConfig previous, GovConfig config, String notes) {
        return new GovConfigPublished(GOV, revision, config.fingerprint(),
                previous == null ? null : previous.fingerprint(), config, notes, null);
    }
}
