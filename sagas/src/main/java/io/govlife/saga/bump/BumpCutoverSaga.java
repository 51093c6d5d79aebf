package io.govlife.saga.bump;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.govlife.events.bump.CutOverFingerprint;
import io.govlife.events.bump.CutoverFingerprintRevised;
import io.govlife.events.bump.FingerprintBumpCancelled;
import io.govlife.events.bump.FingerprintBumpScheduled;
import io.govlife.events.bump.FingerprintCutOver;
import io.govlife.events.bump.FingerprintCutoverBlocked;
import io.govlife.events.Name;
import io.govlife.events.gov.GovConfigPublished;
import io.govlife.events.gov.GovRetired;
import io.govlife.events.gov.Rule;
import io.govlife.events.gov.RuleViolation;
import io.govlife.saga.notices.BumpNotices;
import io.govlife.saga.notices.NoticeContent;
import io.govlife.saga.notices.NoticeKind;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One pending bump, from its schedule to its cutover: tells integrators at once which GovConfig fingerprint they
 * will need, tells them again when that changes, reminds those who have not acknowledged, and at the cutover
 * instant sends the command that cuts over and publishes; if that cutover is blocked, tells those integrators what it
 * awaits. Its deadlines live in the database and survive restarts. A cancellation, the cutover or the gov's
 * retirement ends it; retirement tells the integrators told of the bump that it is cancelled.
 * <p>
 * Every notice names, as the root it replaces, the gov root published when the notice is written: the saga follows
 * the gov's publications itself rather than asking a read model, so it sees them in the gov's own order, before the
 * revision notice that a publication causes.
 */
@Saga
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class BumpCutoverSaga {

    static final String REMINDER = "bump-reminder";
    static final String CUTOVER = "bump-cutover";
    static final Duration CUTOVER_RETRY = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(BumpCutoverSaga.class);

    private String gov;
    private String citizen;
    private String bump;
    private Instant cutoverAt;
    /** The gov root published now: what integrators bind to until the cutover. */
    private String fromGovFingerprint;
    private String expectedGovFingerprint;
    private String toFingerprint;
    /** Null in sagas started before v1.1: their notices read as any bump's. */
    private NoticeContent.Urgency urgency;

    @Autowired
    private transient BumpNotices notices;
    @Autowired
    private transient DeadlineManager deadlines;
    @Autowired
    private transient CommandGateway commands;
    @Autowired
    private transient ReminderPolicy reminders;

    @StartSaga
    @SagaEventHandler(associationProperty = "bumpKey")
    void on(FingerprintBumpScheduled event, EventMessage<?> message, @Timestamp Instant scheduledAt) {
        gov = event.gov().value();
        citizen = event.citizen().value();
        bump = message.getIdentifier();
        cutoverAt = event.cutoverAt();
        expectedGovFingerprint = event.expectedGovFingerprint().hex();
        fromGovFingerprint = event.publishedGovFingerprint().hex();
        toFingerprint = event.toFingerprint().hex();
        urgency = new NoticeContent.Urgency(event.shortNotice(), event.lateBy());
        SagaLifecycle.associateWith("gov", gov);

        notices.bumpPending(gov, citizen, bump, cutoverAt);
        notices.notifyIntegrators(message.getIdentifier(), content(NoticeKind.BUMP_SCHEDULED), bump);
        if (event.catchUp()) {
            // the gov cut over (or recorded the cutover blocked) in the command that scheduled it: both follow in this
            // batch, and a blocked one completes by itself when the upgrade is recorded; a deadline in the past would
            // only send a second cutover command, and a reminder would arrive after the cutover
            return;
        }
        reminders.reminderFor(cutoverAt, scheduledAt).ifPresent(at -> deadlines.schedule(at, REMINDER));
        deadlines.schedule(cutoverAt, CUTOVER);
    }

    @SagaEventHandler(associationProperty = "bumpKey")
    void on(CutoverFingerprintRevised event, EventMessage<?> message) {
        expectedGovFingerprint = event.expectedGovFingerprint().hex();
        notices.notifyIntegrators(message.getIdentifier(), content(NoticeKind.BUMP_REVISED), bump);
    }

    @SagaEventHandler(associationProperty = "gov")
    void on(GovConfigPublished event) {
        fromGovFingerprint = event.fingerprint().hex();
    }

    @DeadlineHandler(deadlineName = REMINDER)
    void remind() {
        notices.remindUnacknowledged(bump + "/reminder", content(NoticeKind.BUMP_REMINDER), bump);
    }

    @DeadlineHandler(deadlineName = CUTOVER)
    void cutOver() {
        try {
            commands.sendAndWait(new CutOverFingerprint(Name.of(gov), Name.of(citizen)));
        } catch (RuleViolation refused) {
            if (refused.rule() == Rule.CUTOVER_NOT_DUE) {
                // this node's clock is behind the one that judged the deadline due: try again at the instant itself
                deadlines.schedule(cutoverAt.plusMillis(100), CUTOVER);
            } else if (refused.rule() != Rule.BUMP_NOT_PENDING && refused.rule() != Rule.GOV_RETIRED) {
                log.warn("Cutover of {} in gov {} refused ({}); trying again in {}", citizen, gov,
                        refused.rule().code(), CUTOVER_RETRY);
                deadlines.schedule(CUTOVER_RETRY, CUTOVER);
            }
        } catch (RuntimeException failure) {
            log.warn("Cutover of {} in gov {} failed; trying again in {}", citizen, gov, CUTOVER_RETRY, failure);
            deadlines.schedule(CUTOVER_RETRY, CUTOVER);
        }
    }

    /**
     * The saga goes on: the cutover completes, with its publication, when the last awaited upgrade is recorded. A
     * reminder not yet sent (a node down at its time) is dropped: past the cutover, the blocked notice says more.
     */
    @SagaEventHandler(associationProperty = "bumpKey")
    void on(FingerprintCutoverBlocked event, EventMessage<?> message) {
        deadlines.cancelAllWithinScope(REMINDER);
        List<String> awaiting = event.awaitingConfluences().stream().map(Name::value).toList();
        notices.notifyToldOf(message.getIdentifier(), content(NoticeKind.BUMP_BLOCKED, awaiting), bump);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "bumpKey")
    void on(FingerprintCutOver event) {
        // the publication that follows is announced by the notices projection, like every publication
        cancelDeadlines();
        notices.bumpEnded(gov, citizen);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "bumpKey")
    void on(FingerprintBumpCancelled event, EventMessage<?> message) {
        cancelDeadlines();
        notices.bumpEnded(gov, citizen);
        notices.notifyIntegrators(message.getIdentifier(), content(NoticeKind.BUMP_CANCELLED), bump);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "gov")
    void on(GovRetired event, EventMessage<?> message) {
        cancelDeadlines();
        notices.bumpEnded(gov, citizen);
        if (event.cancelledBumps().contains(Name.of(citizen))) {
            notices.notifyToldOf(message.getIdentifier() + "/" + citizen, content(NoticeKind.BUMP_CANCELLED), bump);
        }
    }

    private void cancelDeadlines() {
        deadlines.cancelAllWithinScope(REMINDER);
        deadlines.cancelAllWithinScope(CUTOVER);
    }

    private NoticeContent content(NoticeKind kind) {
        return content(kind, null);
    }

    private NoticeContent content(NoticeKind kind, List<String> awaiting) {
        NoticeContent content = new NoticeContent(gov, kind, citizen, fromGovFingerprint, expectedGovFingerprint,
                cutoverAt, null, toFingerprint, awaiting);
        return urgency == null ? content : content.with(urgency);
    }
}
