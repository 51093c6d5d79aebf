package io.govlife.query.fingerprints;

import io.govlife.events.citizen.LatticeRef;
import io.govlife.events.gov.GovConfig;
import io.govlife.events.service.BasicService;
import io.govlife.events.service.ServiceRef;
import org.junit.jupiter.api.Test;

import static io.govlife.query.support.Events.ATLAS;
import static io.govlife.query.support.Events.BASE_LATTICE;
import static io.govlife.query.support.Events.config;
import static io.govlife.query.support.Events.fp;
import static org.assertj.core.api.Assertions.assertThat;

class ChangeSummaryTest {

    @Test
    void names_the_first_few_changes_and_counts_the_rest() {
        GovConfig many = config();
        for (int i = 0; i < 12; i++) {
            many = many.with(new LatticeRef(io.govlife.events.citizen.CitizenName.of("chain-" + (10 + i)), 100 + i,
                    fp(i + 1), null, null));
        }
        String what = ChangeSummary.of(null, many, false);
        assertThat(what).startsWith("first revision: added lattice chain-10").endsWith("; and 7 more");
        assertThat(what.split("; ")).hasSize(ChangeSummary.LINES + 1);
    }

    @Test
    void says_when_nothing_needs_recompiling() {
        GovConfig before = config(BASE_LATTICE, ATLAS);
        GovConfig after = before.with(new ServiceRef(BasicService.ATLAS, ATLAS.fingerprint(), "https://docs.example/new"));
        assertThat(ChangeSummary.of(before, after, true))
                .startsWith("metadata only, same gov root (no recompile needed): re-shipped ATLAS");
    }
}
