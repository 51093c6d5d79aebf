package io.govlife.saga.bump;

import io.govlife.saga.SagaProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** When integrators who have not acknowledged a bump are reminded: {@code govlife.bump.reminder-before} ahead. */
@Component
class ReminderPolicy {

    private final Duration before;

    @Autowired
    ReminderPolicy(SagaProperties settings) {
        this(settings.bump().reminderBefore());
    }

    public ReminderPolicy(Duration before) {
        this.before = before;
    }

    /** The reminder instant, if it is still ahead of {@code now}; a bump announced late gets no reminder. */
    public Optional<Instant> reminderFor(Instant cutoverAt, Instant now) {
        Instant at = cutoverAt.minus(before);
        return at.isAfter(now) ? Optional.of(at) : Optional.empty();
    }
}
