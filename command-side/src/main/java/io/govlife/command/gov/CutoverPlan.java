package io.govlife.command.gov;

import io.govlife.events.Name;
import io.govlife.events.citizen.ConfluenceConfig;
import io.govlife.events.gov.GovConfig;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * What a bump's cutover would publish now: the last published GovConfig with the bumped fingerprint and the upgrades
 * held for the bump ({@code applied}, draft-only confluences' included); {@code awaiting} are the confluences of
 * that GovConfig spanning the bumped citizen with nothing recorded since the bump was scheduled, which block it.
 */
record CutoverPlan(GovConfig config, List<ConfluenceConfig> applied, List<Name> awaiting) {

    CutoverPlan {
        applied = List.copyOf(applied);
        awaiting = List.copyOf(awaiting);
    }

    /**
     * One upgrade counts for every bump scheduled before it ({@code spansBumped}: whether an upgrade's confluence
     * spans the bumped citizen, as drafted, published or upgraded). A confluence of the published GovConfig spanning
     * the citizen with nothing recorded since the bump was scheduled blocks it.
     */
    static CutoverPlan of(PendingBump bump, GovConfig published, Provenance provenance,
                          Collection<HeldUpgrade> heldUpgrades, Predicate<ConfluenceConfig> spansBumped) {
        GovConfig config = published.withFingerprint(bump.citizen(), bump.to());
        Map<String, Long> made = new TreeMap<>(provenance.publishedMadeAt());
        made.put(bump.citizen().value(), bump.scheduledAt());
        Map<String, Long> recorded = new TreeMap<>(provenance.publishedRecordedAt());
        List<ConfluenceConfig> applied = new ArrayList<>();
        for (HeldUpgrade held : heldUpgrades) {
            ConfluenceConfig upgrade = held.config();
            if (held.recordedAt() <= bump.scheduledAt() || !spansBumped.test(upgrade)) {
                continue;
            }
            if (config.confluence(upgrade.name()).isEmpty()) {
                applied.add(upgrade); // draft-only: the cutover updates it in the draft
            } else if (upgrade.spans().stream().allMatch(config::names)
                    && upgrade.spans().stream().allMatch(spanned -> made.getOrDefault(spanned.value(), Long.MIN_VALUE)
                    < held.recordedAt())) {
                // held before another citizen it spans changed, it would pair that change with an old confluence
                config = config.with(upgrade);
                recorded.put(upgrade.name().value(), held.recordedAt());
                applied.add(upgrade);
            }
        }
        List<Name> awaiting = config.confluencesSpanning(bump.citizen()).stream()
                .filter(c -> recorded.getOrDefault(c.value(), Long.MIN_VALUE) <= bump.scheduledAt())
                .toList();
        return new CutoverPlan(config, applied, awaiting);
    }
}
