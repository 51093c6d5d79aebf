package io.govlife.saga.notices;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    @Test
    void delay_seconds() {
        assertThat(RetryAfter.parse("120", NOW)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse(" 0 ", NOW)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("99999999999999999999", NOW)).hasValueSatisfying(
                d -> assertThat(d).isGreaterThan(Duration.ofDays(365)));
    }

    @Test
    void an_http_date() {
        assertThat(RetryAfter.parse("Wed, 25 Nov 2026 12:05:00 GMT", NOW)).contains(Duration.ofMinutes(5));
        assertThat(RetryAfter.parse("Wed, 25 Nov 2026 11:00:00 GMT", NOW)).contains(Duration.ZERO);
    }

    @Test
    void anything_else_is_ignored() {
        assertThat(RetryAfter.parse(null, NOW)).isEmpty();
        assertThat(RetryAfter.parse("", NOW)).isEmpty();
        assertThat(RetryAfter.parse("-5", NOW)).isEmpty();
        assertThat(RetryAfter.parse("1.5", NOW)).isEmpty();
        assertThat(RetryAfter.parse("tomorrow", NOW)).isEmpty();
    }

    @Test
    void the_policy_waits_at_least_as_asked_but_no_longer_than_its_bound() {
        WebhookPolicy policy = new WebhookPolicy(Duration.ofSeconds(1), Duration.ofHours(72));
        assertThat(policy.nextAttempt(1, NOW, NOW, Duration.ofMinutes(10))).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
        assertThat(policy.nextAttempt(1, NOW, NOW, Duration.ofDays(3)))
                .isEqualTo(NOW.plus(WebhookPolicy.LONGEST_RETRY_AFTER));
        // asking for less than the backoff does not hurry it
        assertThat(policy.nextAttempt(1, NOW, NOW, Duration.ZERO)).isAfterOrEqualTo(NOW.plusMillis(800));
    }

    @Test
    void a_retry_after_beyond_the_give_up_window_gives_up() {
        WebhookPolicy policy = new WebhookPolicy(Duration.ofSeconds(1), Duration.ofMinutes(30));
        assertThat(policy.nextAttempt(1, NOW, NOW, Duration.ofMinutes(45))).isNull();
    }
}
