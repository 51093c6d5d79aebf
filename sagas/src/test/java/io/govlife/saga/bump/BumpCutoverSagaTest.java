package io.govlife.saga.bump;

import io.govlife.events.bump.CutOverFingerprint;
import io.govlife.events.bump.CutoverFingerprintRevised;
import io.govlife.events.bump.FingerprintBumpCancelled;
import io.govlife.events.bump.FingerprintBumpScheduled;
import io.govlife.events.bump.FingerprintCutOver;
import io.govlife.events.bump.FingerprintCutoverBlocked;
import io.govlife.events.Name;
import io.govlife.events.gov.Fingerprint;
import io.govlife.events.gov.GovConfig;
import io.govlife.events.gov.GovConfigPublished;
import io.govlife.events.gov.GovRetired;
import io.govlife.saga.notices.BumpNotices;
import io.govlife.saga.notices.NoticeContent;
import io.govlife.saga.notices.NoticeKind;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BumpCutoverSagaTest {

    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    static final Instant CUTOVER = NOW.plus(Duration.ofDays(2));
    static final Name GOV = Name.of("ethereum.superchain");
    static final Name BASE = Name.of("base");
    static final String KEY = "ethereum.superchain/base";

    private SagaTestFixture<BumpCutoverSaga> fixture;
    private RecordingNotices notices;

    static Fingerprint fp(int b) {
        return Fingerprint.of(String.format("%02x", b).repeat(32));
    }

    /** The bumped citizen, base, cut over from 0x11 to 0x99 bytes, making the gov's fingerprint {@code newGov}. */
    static FingerprintCutOver cutOver(Fingerprint newGov) {
        return new FingerprintCutOver(GOV, BASE, fp(0x11), fp(0x99), List.of(), newGov);
    }

    /** Base's cutover, blocked until the bridge's upgrade is recorded. */
    static FingerprintCutoverBlocked blockedOnBridge() {
        return new FingerprintCutoverBlocked(GOV, BASE, List.of(Name.of("bridge")));
    }

    static FingerprintBumpScheduled scheduled() {
        return new FingerprintBumpScheduled(GOV, BASE, fp(0x11), fp(0x99), CUTOVER, fp(0xa1), List.of(), fp(0xa0));
    }

    /** Remembers what the saga asked of notices, one line per call. */
    static class RecordingNotices implements BumpNotices {
        final List<String> calls = new ArrayList<>();
        final List<NoticeContent> contents = new ArrayList<>();

        @Override
        public void notifyIntegrators(String source, NoticeContent content, String bump) {
            calls.add("notify " + content.kind());
            contents.add(content);
        }

        @Override
        public void notifyToldOf(String source, NoticeContent content, String bump) {
            calls.add("tell-told " + content.kind());
            contents.add(content);
        }

        @Override
        public void remindUnacknowledged(String source, NoticeContent content, String bump) {
            calls.add("remind " + content.kind());
            contents.add(content);
        }

        @Override
        public void bumpPending(String gov, String citizen, String bump, Instant cutoverAt) {
            calls.add("pending " + citizen + " " + cutoverAt);
        }

        @Override
        public void bumpEnded(String gov, String citizen) {
            calls.add("ended " + citizen);
        }
    }

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(BumpCutoverSaga.class);
        notices = new RecordingNotices();
        fixture.registerResource(notices);
        fixture.registerResource(new ReminderPolicy(Duration.ofHours(6)));
    }

    @Test
    void a_scheduled_bump_sends_the_advance_notice_at_once_and_schedules_reminder_and_cutover() {
        fixture.givenCurrentTime(NOW)
                .whenAggregate(GOV.value()).publishes(scheduled())
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(CUTOVER.minus(Duration.ofHours(6)), BumpCutoverSaga.REMINDER)
                .expectScheduledDeadlineWithName(CUTOVER, BumpCutoverSaga.CUTOVER)
                .expectNoDispatchedCommands();
        assertThat(notices.calls).containsExactly("pending base " + CUTOVER, "notify BUMP_SCHEDULED");
        NoticeContent advance = notices.contents.get(0);
        assertThat(advance.newGovFingerprint()).isEqualTo(fp(0xa1).hex());
        assertThat(advance.oldGovFingerprint()).isEqualTo(fp(0xa0).hex());
        assertThat(advance.cutoverAt()).isEqualTo(CUTOVER);
    }

    @Test
    void a_bump_announced_inside_the_reminder_window_gets_no_reminder() {
        FingerprintBumpScheduled soon = new FingerprintBumpScheduled(GOV, BASE, fp(0x11), fp(0x99),
                NOW.plus(Duration.ofHours(2)), fp(0xa1), List.of(), fp(0xa0));
        fixture.givenCurrentTime(NOW)
                .whenAggregate(GOV.value()).publishes(soon)
                .expectScheduledDeadlineWithName(NOW.plus(Duration.ofHours(2)), BumpCutoverSaga.CUTOVER)
                .expectNoScheduledDeadlineWithName(NOW.plus(Duration.ofHours(2)).minus(Duration.ofHours(6)),
                        BumpCutoverSaga.REMINDER);
    }

    @Test
    void at_the_reminder_time_those_who_have_not_acknowledged_are_reminded_and_nothing_is_cut_over() {
        fixture.givenCurrentTime(NOW).andThenAggregate(GOV.value()).published(scheduled())
                .whenTimeAdvancesTo(CUTOVER.minus(Duration.ofHours(6)))
                .expectTriggeredDeadlinesWithName(BumpCutoverSaga.REMINDER)
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
        assertThat(notices.calls).endsWith("remind BUMP_REMINDER");
    }

    @Test
    void a_revised_expectation_is_announced_with_the_new_fingerprint() {
        fixture.givenCurrentTime(NOW).andThenAggregate(GOV.value()).published(scheduled())
                .whenAggregate(GOV.value()).publishes(new CutoverFingerprintRevised(GOV, BASE, CUTOVER, fp(0xa1),
                        fp(0xa2)))
                .expectActiveSagas(1);
        assertThat(notices.calls).endsWith("notify BUMP_REVISED");
        assertThat(notices.contents.get(notices.contents.size() - 1).newGovFingerprint()).isEqualTo(fp(0xa2).hex());
    }

    @Test
    void at_the_cutover_instant_the_cutover_command_is_sent() {
        fixture.givenCurrentTime(NOW).andThenAggregate(GOV.value()).published(scheduled())
                .whenTimeAdvancesTo(CUTOVER)
                .expectTriggeredDeadlinesWithName(BumpCutoverSaga.REMINDER, BumpCutoverSaga.CUTOVER)
                .expectDispatchedCommands(new CutOverFingerprint(GOV, BASE));
    }

    @Test
    void the_cutover_ends_the_saga() {
        fixture.givenCurrentTime(NOW).andThenAggregate(GOV.value()).published(scheduled())
                .whenAggregate(GOV.value()).publishes(cutOver(fp(0xb0)))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
        assertThat(notices.calls).endsWith("ended base");
    }

    @Test
    void a_cancellation_ends_the_saga_cancels_its_deadlines_and_tells_integrators() {
        fixture.givenCurrentTime(NOW).andThenAggregate(GOV.value()).published(scheduled())
                .whenAggregate(GOV.value()).publishes(new FingerprintBumpCancelled(GOV, BASE, fp(0x99), CUTOVER,
                        List.of()))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines()
                .expectNoDispatchedCommands();
        assertThat(notices.calls).endsWith("ended base", "notify BUMP_CANCELLED");
    }

    NoticeContent last() {
        return notices.contents.get(notices.contents.size() - 1);
    }

    /** Another revision published while the bump is pending: from then on, the root integrators bind to. */
    static GovConfigPublished intervening(long revision, Fingerprint root) {
        return new GovConfigPublished(GOV, revision, root, fp(0xa0), GovConfig.empty(GOV), null, null);
    }

    @Test
    void the_advance_notice_names_the_citizen_s_target_fingerprint() {
        fixture.givenCurrentTime(NOW).whenAggregate(GOV.value()).publishes(scheduled());
        assertThat(notices.contents.get(0).citizenFingerprint()).isEqualTo(fp(0x99).hex());
    }

    @Test
    void a_revised_notice_after_an_intervening_publication_names_the_root_published_then() {
        fixture.givenCurrentTime(NOW).andThenAggregate(GOV.value()).published(scheduled(), intervening(2, fp(0xc2)))
                .whenAggregate(GOV.value()).publishes(new CutoverFingerprintRevised(GOV, BASE, CUTOVER, fp(0xa1),
                        fp(0xc3)))
                .expectActiveSagas(1);
        assertThat(last().kind()).isEqualTo(NoticeKind.BUMP_REVISED);
        assertThat(last().oldGovFingerprint()).isEqualTo(fp(0xc2).hex());
        assertThat(last().newGovFingerprint()).isEqualTo(fp(0xc3).hex());
    }

    @Test
    void a_reminder_after_an_intervening_publication_names_the_root_published_then() {
        fixture.givenCurrentTime(NOW).andThenAggregate(GOV.value()).published(scheduled(), intervening(2, fp(0xc2)),
                        intervening(3, fp(0xc4)))
                .whenTimeAdvancesTo(CUTOVER.minus(Duration.ofHours(6)))
                .expectTriggeredDeadlinesWithName(BumpCutoverSaga.REMINDER);
        assertThat(last().kind()).isEqualTo(NoticeKind.BUMP_REMINDER);
        assertThat(last().oldGovFingerprint()).isEqualTo(fp(0xc4).hex());
    }

    @Test
    void a_publication_changes_no_deadline_and_sends_nothing_itself() {
        fixture.givenCurrentTime(NOW).andThenAggregate(GOV.value()).published(scheduled())
                .whenAggregate(GOV.value()).publishes(intervening(2, fp(0xc2)))
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(CUTOVER, BumpCutoverSaga.CUTOVER)
                .expectScheduledDeadlineWithName(CUTOVER.minus(Duration.ofHours(6)), BumpCutoverSaga.REMINDER)
                .expectNoDispatchedCommands();
        assertThat(notices.calls).containsExactly("pending base " + CUTOVER, "notify BUMP_SCHEDULED");
    }

    @Test
    void a_publication_in_another_gov_does_not_change_the_root_named() {
        Name other = Name.of("other.gov");
        fixture.givenCurrentTime(NOW).andThenAggregate(GOV.value()).published(scheduled())
                .andThenAggregate(other.value()).published(new GovConfigPublished(other, 2, fp(0xee), fp(0xed),
                        GovConfig.empty(other), null, null))
                .whenTimeAdvancesTo(CUTOVER.minus(Duration.ofHours(6)));
        assertThat(last().oldGovFingerprint()).isEqualTo(fp(0xa0).hex());
    }

    @Test
    void retirement_tells_the_integrators_told_of_the_bump_that_it_is_cancelled_naming_it() {
        fixture.givenCurrentTime(NOW).andThenAggregate(GOV.value()).published(scheduled(), intervening(2, fp(0xc2)))
                .whenAggregate(GOV.value()).publishes(new GovRetired(GOV, 2L, fp(0xc2), List.of(BASE)))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines()
                .expectNoDispatchedCommands();
        assertThat(notices.calls).endsWith("ended base", "tell-told BUMP_CANCELLED");
        NoticeContent cancellation = last();
        assertThat(cancellation.citizen()).isEqualTo("base");
        assertThat(cancellation.citizenFingerprint()).isEqualTo(fp(0x99).hex());
        assertThat(cancellation.cutoverAt()).isEqualTo(CUTOVER);
        assertThat(cancellation.oldGovFingerprint()).isEqualTo(fp(0xc2).hex());
    }

    @Test
    void retirement_that_cancelled_no_bump_of_this_citizen_sends_no_cancellation() {
        fixture.givenCurrentTime(NOW).andThenAggregate(GOV.value()).published(scheduled())
                .whenAggregate(GOV.value()).publishes(new GovRetired(GOV, 1L, fp(0xa0), List.of()))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
        assertThat(notices.calls).last().isEqualTo("ended base");
    }

    @Test
    void a_blocked_cutover_tells_the_integrators_told_of_the_bump_what_it_awaits_and_keeps_waiting() throws Exception {
        fixture.givenCurrentTime(NOW).andThenAggregate(GOV.value()).published(scheduled(), intervening(2, fp(0xc2)))
                .andThenTimeAdvancesTo(CUTOVER)
                .whenAggregate(GOV.value()).publishes(new FingerprintCutoverBlocked(GOV, BASE,
                        List.of(Name.of("bridge"), Name.of("relay"))))
                .expectActiveSagas(1)
                .expectNoDispatchedCommands()
                .expectNoScheduledDeadlines();
        assertThat(notices.calls).last().isEqualTo("tell-told BUMP_BLOCKED");
        NoticeContent blocked = last();
        assertThat(blocked.citizen()).isEqualTo("base");
        assertThat(blocked.awaiting()).containsExactly("bridge", "relay");
        assertThat(blocked.oldGovFingerprint()).isEqualTo(fp(0xc2).hex());
        assertThat(blocked.citizenFingerprint()).isEqualTo(fp(0x99).hex());
    }

    @Test
    void a_blocked_cutover_completes_when_the_cutover_follows() throws Exception {
        fixture.givenCurrentTime(NOW).andThenAggregate(GOV.value()).published(scheduled())
                .andThenTimeAdvancesTo(CUTOVER)
                .andThenAggregate(GOV.value()).published(blockedOnBridge())
                .whenAggregate(GOV.value()).publishes(cutOver(fp(0xb0)))
                .expectActiveSagas(0);
        assertThat(notices.calls).endsWith("tell-told BUMP_BLOCKED", "ended base");
    }

    @Test
    void a_bump_of_another_citizen_does_not_touch_this_saga() {
        FingerprintBumpCancelled otherCitizen = new FingerprintBumpCancelled(GOV, Name.of("zora"), fp(0x98),
                CUTOVER, List.of());
        fixture.givenCurrentTime(NOW).andThenAggregate(GOV.value()).published(scheduled())
                .whenAggregate(GOV.value()).publishes(otherCitizen)
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(CUTOVER, BumpCutoverSaga.CUTOVER);
        assertThat(KEY).isEqualTo(scheduled().bumpKey());
    }

    // ---- short notice and catch-up (DOMAIN.md v2: the gov takes the citizen's cadence and says how urgent it is)

    static FingerprintBumpScheduled shortNotice() {
        return new FingerprintBumpScheduled(GOV, BASE, fp(0x11), fp(0x99), NOW.plus(Duration.ofHours(1)), fp(0xa1),
                List.of(), fp(0xa0), true, null);
    }

    static final Duration LATE = Duration.ofHours(3);

    /** The citizen moved three hours ago and says so now. */
    static FingerprintBumpScheduled catchUp() {
        return new FingerprintBumpScheduled(GOV, BASE, fp(0x11), fp(0x99), NOW.minus(LATE), fp(0xa1), List.of(),
                fp(0xa0), false, LATE);
    }

    @Test
    void a_short_notice_bump_is_announced_urgent_and_cut_over_at_its_time_without_a_reminder_in_the_past() {
        Instant cutover = NOW.plus(Duration.ofHours(1));
        fixture.givenCurrentTime(NOW)
                .whenAggregate(GOV.value()).publishes(shortNotice())
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(cutover, BumpCutoverSaga.CUTOVER)
                .expectNoScheduledDeadlineWithName(cutover.minus(Duration.ofHours(6)), BumpCutoverSaga.REMINDER);
        NoticeContent advance = last();
        assertThat(advance.kind()).isEqualTo(NoticeKind.BUMP_SCHEDULED);
        assertThat(advance.urgency().urgent()).isTrue();
        assertThat(advance.urgency().shortNotice()).isTrue();
        assertThat(advance.urgency().catchUp()).isFalse();
    }

    @Test
    void a_bump_with_the_minimum_notice_is_not_urgent() {
        fixture.givenCurrentTime(NOW).whenAggregate(GOV.value()).publishes(scheduled());
        assertThat(last().urgency().urgent()).isFalse();
        assertThat(last().urgency().lateBy()).isNull();
    }

    @Test
    void a_catch_up_is_announced_with_how_late_it_is_and_schedules_nothing_in_the_past() {
        fixture.givenCurrentTime(NOW)
                .whenAggregate(GOV.value()).publishes(catchUp())
                .expectActiveSagas(1)
                .expectNoScheduledDeadlines()
                .expectNoDispatchedCommands();
        assertThat(notices.calls).containsExactly("pending base " + NOW.minus(LATE), "notify BUMP_SCHEDULED");
        NoticeContent advance = last();
        assertThat(advance.urgency().catchUp()).isTrue();
        assertThat(advance.urgency().urgent()).isTrue();
        assertThat(advance.urgency().lateBy()).isEqualTo(LATE);
        assertThat(advance.cutoverAt()).isEqualTo(NOW.minus(LATE));
    }

    @Test
    void a_catch_up_cut_over_in_the_same_command_ends_the_saga_with_nothing_left_to_fire() {
        fixture.givenCurrentTime(NOW).andThenAggregate(GOV.value()).published(catchUp())
                .whenAggregate(GOV.value()).publishes(cutOver(fp(0xa1)))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines()
                .expectNoDispatchedCommands();
        assertThat(notices.calls).containsExactly("pending base " + NOW.minus(LATE), "notify BUMP_SCHEDULED",
                "ended base");
    }

    @Test
    void a_blocked_catch_up_tells_integrators_and_waits_for_the_upgrade_without_retrying_on_its_own() {
        fixture.givenCurrentTime(NOW).andThenAggregate(GOV.value()).published(catchUp())
                .whenAggregate(GOV.value()).publishes(blockedOnBridge())
                .expectActiveSagas(1)
                .expectNoScheduledDeadlines()
                .expectNoDispatchedCommands();
        NoticeContent blocked = last();
        assertThat(blocked.kind()).isEqualTo(NoticeKind.BUMP_BLOCKED);
        assertThat(blocked.urgency().catchUp()).isTrue();
        assertThat(blocked.awaiting()).containsExactly("bridge");
    }

    @Test
    void a_blocked_catch_up_fires_nothing_as_time_passes_and_completes_with_the_cutover() throws Exception {
        fixture.givenCurrentTime(NOW).andThenAggregate(GOV.value()).published(catchUp(), blockedOnBridge())
                .andThenTimeElapses(Duration.ofDays(1))
                .whenAggregate(GOV.value()).publishes(cutOver(fp(0xa2)))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands()
                .expectNoScheduledDeadlines();
        assertThat(notices.calls).doesNotContain("remind BUMP_REMINDER");
        assertThat(notices.calls).endsWith("tell-told BUMP_BLOCKED", "ended base");
    }

    @Test
    void a_blocked_cutover_drops_a_reminder_not_yet_sent_so_none_arrives_after_the_cutover() {
        // the reminder's node was down: the cutover, due later, was judged first and blocked
        fixture.givenCurrentTime(NOW).andThenAggregate(GOV.value()).published(scheduled())
                .whenAggregate(GOV.value()).publishes(blockedOnBridge())
                .expectActiveSagas(1)
                .expectNoScheduledDeadlineWithName(CUTOVER.minus(Duration.ofHours(6)), BumpCutoverSaga.REMINDER)
                .expectScheduledDeadlineWithName(CUTOVER, BumpCutoverSaga.CUTOVER);
    }

    @Test
    void a_reminder_of_a_bump_with_the_minimum_notice_is_not_urgent() {
        fixture.givenCurrentTime(NOW).andThenAggregate(GOV.value()).published(scheduled())
                .whenTimeAdvancesTo(CUTOVER.minus(Duration.ofHours(6)))
                .expectTriggeredDeadlinesWithName(BumpCutoverSaga.REMINDER);
        assertThat(last().kind()).isEqualTo(NoticeKind.BUMP_REMINDER);
        assertThat(last().urgency().urgent()).isFalse();
    }
}
