package io.govlife.query.channel;

import io.govlife.events.bump.FingerprintBumpCancelled;
import io.govlife.events.bump.FingerprintBumpScheduled;
import io.govlife.events.gov.GovConfig;
import io.govlife.events.gov.GovRetired;
import io.govlife.events.service.BasicServiceShipped;
import io.govlife.query.support.ProjectionHarness;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.govlife.query.support.Events.ATLAS;
import static io.govlife.query.support.Events.BASE;
import static io.govlife.query.support.Events.BASE_LATTICE;
import static io.govlife.query.support.Events.GOV;
import static io.govlife.query.support.Events.config;
import static io.govlife.query.support.Events.created;
import static io.govlife.query.support.Events.fp;
import static io.govlife.query.support.Events.published;
import static io.govlife.query.support.Events.referenced;
import static org.assertj.core.api.Assertions.assertThat;

class ChannelProjectionTest {

    private final ProjectionHarness harness = new ProjectionHarness();

    @Test
    void announces_publications_with_their_changes_bump_notices_and_retirement() {
        harness.feeding(new ChannelProjection(new ChannelRepository(harness.jdbc())));
        GovConfig first = config(BASE_LATTICE);
        GovConfig second = config(BASE_LATTICE, ATLAS);
        Instant cutover = Instant.parse("2026-06-01T00:00:00Z");
        harness.publish(created(), referenced(BASE_LATTICE, first), published(1, null, first, "first"),
                new BasicServiceShipped(GOV, ATLAS, second.fingerprint()), published(2, first, second, null),
                new FingerprintBumpScheduled(GOV, BASE, fp(0x11), fp(0x99), cutover, fp(0xa1), List.of(), fp(0xf0)),
                new FingerprintBumpCancelled(GOV, BASE, fp(0x99), cutover, List.of()),
                new GovRetired(GOV, 2L, second.fingerprint(), List.of()));

        List<Map<String, Object>> entries = harness.jdbc().queryForList(
                "select kind, title, body from channel_entry order by sequence_number");
        assertThat(entries).extracting(e -> e.get("KIND")).containsExactly(
                "PUBLICATION", "PUBLICATION", "BUMP_SCHEDULED", "BUMP_CANCELLED", "RETIREMENT");
        String firstBody = (String) entries.get(0).get("BODY");
        assertThat(firstBody).contains("added lattice base").contains(first.fingerprint().hex()).contains("first");
        String secondBody = (String) entries.get(1).get("BODY");
        assertThat(secondBody).contains("shipped ATLAS").doesNotContain("added lattice base")
                .contains("(was `" + first.fingerprint().hex() + "`)");
        assertThat((String) entries.get(2).get("BODY")).contains(fp(0x11).hex()).contains(fp(0x99).hex())
                .contains(cutover.toString()).contains(fp(0xa1).hex());
        assertThat((String) entries.get(4).get("BODY")).contains("revision 2");
    }
}
