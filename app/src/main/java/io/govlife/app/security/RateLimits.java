package io.govlife.app.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.govlife.app.config.GovlifeProperties;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Token buckets that slow guessers and floods: refused credentials per client address, writes per operator.
 * Bucket4j rather than Resilience4j's rate limiter: a bucket per key with a burst and a steady refill is what it is
 * made for, and it tells how long until the next permit, which becomes {@code Retry-After}. Buckets live in a
 * bounded cache, so an attacker cycling addresses costs memory for the recent ones only. Per node: with N nodes a
 * client gets N times the rate at most, which still turns a guess per millisecond into a few per minute.
 */
@Component
class RateLimits {

    private static final int MAX_KEYS = 100_000;

    private final GovlifeProperties.RateLimits settings;
    private final Cache<String, Bucket> failures;
    private final Cache<String, Bucket> writes;
    private final MeterRegistry meters;

    RateLimits(GovlifeProperties properties, MeterRegistry meters) {
        this.settings = properties.security().rateLimits();
        this.meters = meters;
        this.failures = Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterAccess(Duration.ofHours(1)).build();
        this.writes = Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterAccess(Duration.ofMinutes(10)).build();
    }

    /** The address a request comes from (behind a proxy, as {@code server.forward-headers-strategy} resolves it). */
    static String client(HttpServletRequest request) {
        return request.getRemoteAddr();
    }

    /** Seconds until this client may present a credential again, if it has used up its refused ones. */
    OptionalLong failuresExhausted(String client) {
        Bucket bucket = failures.getIfPresent(client);
        if (bucket == null) {
            return OptionalLong.empty();
        }
        EstimationProbe estimate = bucket.estimateAbilityToConsume(1);
        return estimate.canBeConsumed() ? OptionalLong.empty() : OptionalLong.of(seconds(estimate
                .getNanosToWaitForRefill()));
    }

    void failedAuthentication(String client) {
        meters.counter("govlife.security.failed.authentications").increment();
        failures.get(client, key -> Bucket.builder().addLimit(limit -> limit
                .capacity(settings.failedAuthentications())
                .refillGreedy(settings.failedAuthentications(), settings.failedAuthenticationsPer())).build())
                .tryConsume(1);
    }

    /** Takes a write permit for the operator; when none is left, the seconds until one is. */
    OptionalLong write(String operator) {
        ConsumptionProbe probe = writes.get(operator, key -> Bucket.builder().addLimit(limit -> limit
                .capacity(settings.writeBurst())
                .refillGreedy(settings.writesPerSecond(), Duration.ofSeconds(1))).build())
                .tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return OptionalLong.empty();
        }
        meters.counter("govlife.security.rate.limited", "limit", "writes").increment();
        return OptionalLong.of(seconds(probe.getNanosToWaitForRefill()));
    }

    private static long seconds(long nanos) {
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos + TimeUnit.SECONDS.toNanos(1) - 1));
    }
}
