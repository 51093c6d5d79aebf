package io.govlife.saga.notices;

import org.springframework.beans.factory.annotation.Value;
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

    private final Duration firstRetry;
    private final Duration giveUpAfter;

    public WebhookPolicy(@Value("${govlife.webhooks.first-retry:PT30S}") Duration firstRetry,
                         @Value("${govlife.webhooks.give-up-after:PT72H}") Duration giveUpAfter) {
        this.firstRetry = firstRetry;
        this.giveUpAfter = giveUpAfter;
    }

    /** The next attempt after {@code failedAttempts} failures, or null when delivery should give up. */
    public Instant nextAttempt(int failedAttempts, Instant retrySince, Instant now) {
        double exponential = firstRetry.toMillis() * Math.pow(2, Math.max(0, failedAttempts - 1));
        long base = (long) Math.min(exponential, LONGEST_DELAY.toMillis());
        long jittered = (long) (base * ThreadLocalRandom.current().nextDouble(0.8, 1.2));
        Instant next = now.plusMillis(jittered);
        return next.isAfter(retrySince.plus(giveUpAfter)) ? null : next;
    }
}
