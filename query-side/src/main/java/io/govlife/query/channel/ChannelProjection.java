package io.govlife.query.channel;

import io.govlife.events.bump.CutoverFingerprintRevised;
import io.govlife.events.bump.FingerprintBumpCancelled;
import io.govlife.events.bump.FingerprintBumpScheduled;
import io.govlife.events.bump.FingerprintCutoverBlocked;
import io.govlife.events.gov.GovConfig;
import io.govlife.events.gov.GovConfigPublished;
import io.govlife.events.gov.GovRetired;
import io.govlife.query.support.GovConfigDiff;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/**
 * The change channel: what integrators must hear. One entry per publication (with what changed since the previous
 * revision), per bump notice (scheduled, revised, cancelled, blocked) and for retirement.
 */
@Component
@ProcessingGroup(ChannelProjection.NAME)
record ChannelProjection(ChannelRepository repository) {

    static final String NAME = "channel";

    @EventHandler
    void on(GovConfigPublished event, @SequenceNumber long sequence, @Timestamp Instant at) {
        String gov = event.gov().value();
        GovConfig previous = repository.published(gov).orElse(null);
        List<String> changes = GovConfigDiff.between(previous, event.config()).lines();
        StringBuilder body = new StringBuilder();
        body.append("GovConfig fingerprint: `").append(event.fingerprint()).append("`");
        if (event.previousFingerprint() != null) {
            body.append(" (was `").append(event.previousFingerprint()).append("`)");
        }
        body.append("\n\n");
        if (event.cutoverOf() != null) {
            body.append("Cutover of **").append(event.cutoverOf()).append("**.\n\n");
        }
        if (event.notes() != null && !event.notes().isBlank()) {
            // the operator's words, shown as typed: they must not forge headings or HTML in the changelog
            body.append(PlainText.markdown(event.notes().strip())).append("\n\n");
        }
        changes.forEach(change -> body.append("- ").append(change).append('\n'));
        add(gov, sequence, "PUBLICATION", "Revision " + event.revision() + " published", body.toString(), at);
        repository.savePublished(gov, event.config());
    }

    @EventHandler
    void on(FingerprintBumpScheduled event, @SequenceNumber long sequence, @Timestamp Instant at) {
        add(event.gov().value(), sequence, "BUMP_SCHEDULED", "Bump of " + event.citizen() + " at " + event.cutoverAt(),
                "**" + event.citizen() + "** moves from `" + event.fromFingerprint() + "` to `"
                        + event.toFingerprint() + "` at **" + event.cutoverAt() + "**.\n\n"
                        + "After cutover the GovConfig fingerprint will be `" + event.expectedGovFingerprint()
                        + "`: update before then, or handles bound to the old fingerprint fail with ConnectTimeout.\n"
                        + (event.confluencesToUpgrade().isEmpty() ? ""
                        : "\nConfluences to be upgraded with it: " + event.confluencesToUpgrade() + "\n"), at);
    }

    @EventHandler
    void on(CutoverFingerprintRevised event, @SequenceNumber long sequence, @Timestamp Instant at) {
        add(event.gov().value(), sequence, "BUMP_REVISED", "Updated notice: cutover of " + event.citizen(),
                "The cutover of **" + event.citizen() + "** at **" + event.cutoverAt()
                        + "** will publish GovConfig fingerprint `" + event.expectedGovFingerprint()
                        + "` (announced before: `" + event.previousExpectedGovFingerprint() + "`).\n", at);
    }

    @EventHandler
    void on(FingerprintBumpCancelled event, @SequenceNumber long sequence, @Timestamp Instant at) {
        add(event.gov().value(), sequence, "BUMP_CANCELLED", "Bump of " + event.citizen() + " cancelled",
                "The bump of **" + event.citizen() + "** to `" + event.toFingerprint() + "` planned for "
                        + event.cutoverAt() + " will not happen. Keep the current fingerprint.\n", at);
    }

    @EventHandler
    void on(FingerprintCutoverBlocked event, @SequenceNumber long sequence, @Timestamp Instant at) {
        add(event.gov().value(), sequence, "CUTOVER_BLOCKED", "Cutover of " + event.citizen() + " blocked",
                "The cutover of **" + event.citizen() + "** is due but awaits the upgrade of "
                        + event.awaitingConfluences() + ". It will be published as soon as they are upgraded.\n", at);
    }

    @EventHandler
    void on(GovRetired event, @SequenceNumber long sequence, @Timestamp Instant at) {
        add(event.gov().value(), sequence, "RETIREMENT", "Gov " + event.gov() + " retired",
                "This gov is retired and accepts no further changes. "
                        + (event.lastFingerprint() == null ? "It never published a GovConfig.\n"
                        : "Its last GovConfig, revision " + event.lastRevision() + " with fingerprint `"
                        + event.lastFingerprint() + "`, stays readable.\n"), at);
    }

    @ResetHandler
    void reset() {
        repository.deleteAll();
    }

    private void add(String gov, long sequence, String kind, String title, String body, Instant at) {
        repository.add(new ChannelEntry(gov, sequence, kind, title, body, at));
    }
}
