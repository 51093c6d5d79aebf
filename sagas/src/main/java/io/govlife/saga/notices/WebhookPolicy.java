package io.govlife.saga.notices;

import io.govlife.saga.SagaProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try a notice again: exponential backoff from {@code govlife.webhooks.first-retry}, each delay jittered by
 * ±20 % so many receivers failing together do not retry together, giving up once
 * {@code govlife.webhooks.give-up-after} has passed since delivery began.
 */
@Component
public class WebhookPolicy {

    private static final Duration LONGEST_DELAY = Duration.ofHours(12);
    /**
     * The longest a receiver's {@code Retry-After} may hold a notice back: a bump notice must still arrive well
     * before its cutover, and a receiver must not be able to park notices for days by asking.
     */
    static final Duration LONGEST_RETRY_AFTER = Duration.ofHours(1);

    private final Duration firstRetry;
    private final Duration giveUpAfter;

    @Autowired
    WebhookPolicy(SagaProperties settings) {
        this(settings.webhooks().firstRetry(), settings.webhooks().giveUpAfter());
    }

    public WebhookPolicy(Duration firstRetry, Duration giveUpAfter) {
        this.firstRetry = firstRetry;
        this.giveUpAfter = giveUpAfter;
    }

    /** The next attempt after {@code failedAttempts} failures, or null when delivery should give up. */
    public Instant nextAttempt(int failedAttempts, Instant retrySince, Instant now) {
        return nextAttempt(failedAttempts, retrySince, now, null);
    }

    /**
     * As {@link #nextAttempt(int, Instant, Instant)}, but not before the receiver's {@code Retry-After}, bounded by
     * {@link #LONGEST_RETRY_AFTER}; null {@code retryAfter} when the receiver asked for nothing.
     */
    public Instant nextAttempt(int failedAttempts, Instant retrySince, Instant now, Duration retryAfter) {
        double exponential = firstRetry.toMillis() * Math.pow(2, Math.max(0, failedAttempts - 1));
        long base = (long) Math.min(exponential, LONGEST_DELAY.toMillis());
        long jittered = (long) (base * ThreadLocalRandom.current().nextDouble(0.8, 1.2));
        Instant next = now.plusMillis(jittered);
        if (retryAfter != null && !retryAfter.isNegative()) {
            Instant asked = now.plus(retryAfter.compareTo(LONGEST_RETRY_AFTER) > 0 ? LONGEST_RETRY_AFTER : retryAfter);
            next = asked.isAfter(next) ? asked : next;
        }
        return next.isAfter(retrySince.plus(giveUpAfter)) ? null : next;
    }
}
