package io.govlife.events.gov;

import io.govlife.events.Name;
import io.govlife.events.citizen.ConfluenceConfig;
import io.govlife.events.citizen.LatticeRef;
import io.govlife.events.citizen.OrganismRef;
import io.govlife.events.service.ServiceRef;
import org.apache.commons.codec.digest.Blake3;

import java.nio.charset.StandardCharsets;

/**
 * The two fingerprints DOMAIN.md defines, as pure functions:
 * <pre>
 * GOV      = blake3("gov|" ‖ name)
 * GOV_ROOT = blake3(GOV ‖ lattice fps ‖ organism fps ‖ confluence fps ‖ service fps)
 * </pre>
 * Within a group citizens go in name order and services in Atlas, Almanac, Chronicle, Passport order, each
 * fingerprint as its 32 raw bytes. {@link GovConfig} already holds its groups in that order.
 */
public final class GovRoot {

    private static final int OUTPUT_BYTES = 32;

    private GovRoot() {
    }

    public static Fingerprint gov(Name name) {
        byte[] input = ("gov|" + name.value()).getBytes(StandardCharsets.UTF_8);
        return Fingerprint.of(Blake3.hash(input));
    }

    public static Fingerprint of(GovConfig config) {
        Blake3 hasher = Blake3.initHash();
        hasher.update(gov(config.gov()).bytes());
        for (LatticeRef lattice : config.lattices()) {
            hasher.update(lattice.fingerprint().bytes());
        }
        for (OrganismRef organism : config.organisms()) {
            hasher.update(organism.fingerprint().bytes());
        }
        for (ConfluenceConfig confluence : config.confluences()) {
            hasher.update(confluence.fingerprint().bytes());
        }
        for (ServiceRef service : config.services()) {
            hasher.update(service.fingerprint().bytes());
        }
        byte[] root = new byte[OUTPUT_BYTES];
        hasher.doFinalize(root);
        return Fingerprint.of(root);
    }
}
