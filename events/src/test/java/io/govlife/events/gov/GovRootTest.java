package io.govlife.events.gov;

import io.govlife.events.Name;
import io.govlife.events.citizen.ConfluenceConfig;
import io.govlife.events.citizen.LatticeRef;
import io.govlife.events.citizen.OrganismRef;
import io.govlife.events.service.BasicService;
import io.govlife.events.service.ServiceRef;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Known answers computed outside this code base, with the independent BLAKE3 of {@code @noble/hashes} 1.x
 * (JavaScript) over the byte layout DOMAIN.md defines. If one of these changes, every integrator's fingerprint
 * changes: that is never a refactoring.
 */
class GovRootTest {

    static final Name SUPERCHAIN = Name.of("ethereum.superchain");

    static Fingerprint filled(int b) {
        return Fingerprint.of(String.format("%02x", b).repeat(32));
    }

    static Name citizen(String name) {
        return Name.of(name);
    }

    @Test
    void gov_is_blake3_of_the_prefixed_name() {
        assertThat(GovRoot.gov(SUPERCHAIN).hex())
                .isEqualTo("0240fc265ad5b53d6fb1cb1b402cafd46656353d559c2a273f35b0e9c13d836d");
    }

    @Test
    void an_empty_config_hashes_gov_alone() {
        assertThat(GovConfig.empty(SUPERCHAIN).fingerprint().hex())
                .isEqualTo("98c9036abdec71c80391258f10c201615b130a6f1f4f4f7eebfabc7d38e1b677");
    }

    @Test
    void gov_root_known_answer_orders_groups_and_names() {
        GovConfig config = new GovConfig(SUPERCHAIN,
                List.of(new LatticeRef(citizen("zora"), 7777777, filled(0x11), null, null),
                        new LatticeRef(citizen("base"), 8453, filled(0x22), null, null)),
                List.of(new OrganismRef(citizen("oracle-feed"), filled(0x33), "oracle", null, null)),
                List.of(new ConfluenceConfig(citizen("bridge"), filled(0x44), List.of(citizen("zora"), citizen("base")),
                        "1", List.of())),
                List.of(new ServiceRef(BasicService.CHRONICLE, filled(0x66), null),
                        new ServiceRef(BasicService.ATLAS, filled(0x55), "https://docs.example/atlas")));

        // layout: GOV ‖ base(22) ‖ zora(11) ‖ oracle-feed(33) ‖ bridge(44) ‖ ATLAS(55) ‖ CHRONICLE(66)
        assertThat(config.fingerprint().hex())
                .isEqualTo("bc0fc4be4144d79e300bdbd2a792b5bd8b9e5b1e606642e1a5cc1d5d29443071");
    }

    @Test
    void same_content_in_any_order_has_the_same_fingerprint() {
        LatticeRef zora = new LatticeRef(citizen("zora"), 7777777, filled(0x11), null, null);
        LatticeRef base = new LatticeRef(citizen("base"), 8453, filled(0x22), null, null);
        ServiceRef atlas = new ServiceRef(BasicService.ATLAS, filled(0x55), null);
        ServiceRef chronicle = new ServiceRef(BasicService.CHRONICLE, filled(0x66), null);

        GovConfig one = GovConfig.empty(SUPERCHAIN).with(zora).with(base).with(chronicle).with(atlas);
        GovConfig other = GovConfig.empty(SUPERCHAIN).with(atlas).with(base).with(chronicle).with(zora);

        assertThat(one).isEqualTo(other);
        assertThat(one.fingerprint()).isEqualTo(other.fingerprint());
    }

    @Test
    void moving_a_fingerprint_between_groups_changes_the_root() {
        GovConfig asLattice = GovConfig.empty(SUPERCHAIN)
                .with(new LatticeRef(citizen("base"), 8453, filled(0x22), null, null));
        GovConfig asOrganism = GovConfig.empty(SUPERCHAIN)
                .with(new OrganismRef(citizen("base"), filled(0x22), null, null, null));
        GovConfig asService = GovConfig.empty(SUPERCHAIN)
                .with(new ServiceRef(BasicService.ALMANAC, filled(0x22), null));

        // groups are concatenated without separators, so a single member hashes the same in any group
        assertThat(asLattice.fingerprint()).isEqualTo(asOrganism.fingerprint()).isEqualTo(asService.fingerprint());
        assertThat(asLattice.fingerprint()).isNotEqualTo(GovConfig.empty(SUPERCHAIN).fingerprint());
    }

    @Test
    void a_different_gov_name_gives_a_different_root_for_the_same_citizens() {
        LatticeRef base = new LatticeRef(citizen("base"), 8453, filled(0x22), null, null);
        assertThat(GovConfig.empty(SUPERCHAIN).with(base).fingerprint())
                .isNotEqualTo(GovConfig.empty(Name.of("ethereum.other")).with(base).fingerprint());
    }
}
