package io.govlife.app.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.time.Duration;

/** Every {@code govlife.*} setting, each also settable as the matching environment variable. */
@ConfigurationProperties("govlife")
public record GovlifeProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue Bump bump,
        @DefaultValue("100") int snapshotThreshold,
        @DefaultValue("10000") int govCacheSize,
        @DefaultValue Http http,
        @DefaultValue Node node,
        @DefaultValue Processing processing,
        @DefaultValue Security security,
        @DefaultValue Secrets secrets,
        @DefaultValue Idempotency idempotency,
        @DefaultValue FaultInjection faultInjection) {

    /** @param retention how long an {@code Idempotency-Key}'s first answer is kept and replayed */
    public record Idempotency(@DefaultValue("PT24H") Duration retention) {

        public Idempotency {
            if (retention == null || retention.isNegative() || retention.isZero()) {
                throw new IllegalArgumentException("govlife.idempotency.retention must be a positive duration, "
                        + "e.g. PT24H; got " + retention);
            }
        }
    }

    /**
     * For the crash tests only: the {@code Idempotency-Key} whose write halts the JVM just before its commit. Blank
     * (always, in production): none.
     */
    public record FaultInjection(@DefaultValue("") String haltBeforeCommitOfIdempotencyKey) {
    }

    /** How a secret setting prints: whether it is set, never what it is. */
    static String masked(String secret) {
        return secret == null || secret.isEmpty() ? "" : "******";
    }

    /**
     * The key sealing integrators' secrets and deriving ack tokens (base64 of 32 bytes; blank: the data directory's
     * {@code secrets.key}, made on first start), and keys it replaced, still opening what they sealed.
     */
    public record Secrets(@DefaultValue("") String key, @DefaultValue("") java.util.List<String> previousKeys) {

        /** Whatever prints the settings (a log line, a bean holding them) must not print the keys. */
        @Override
        public String toString() {
            return "Secrets[key=" + masked(key) + ", previousKeys=" + (previousKeys == null ? 0 : previousKeys.size())
                    + "]";
        }
    }

    public record Bump(@DefaultValue("PT24H") Duration minimumNotice,
                       @DefaultValue("PT6H") Duration reminderBefore) {

        public Bump {
            // zero or less would call no bump short notice, and integrators would never be warned of one
            if (minimumNotice == null || minimumNotice.isNegative() || minimumNotice.isZero()) {
                throw new IllegalArgumentException("govlife.bump.minimum-notice must be positive, e.g. PT24H; got "
                        + minimumNotice);
            }
            // zero or less would remind integrators at or after the cutover, when it no longer helps
            if (reminderBefore == null || reminderBefore.isNegative() || reminderBefore.isZero()) {
                throw new IllegalArgumentException("govlife.bump.reminder-before must be positive, e.g. PT6H; got "
                        + reminderBefore);
            }
        }
    }

    public record Http(@DefaultValue("64KB") DataSize maxBodySize) {
    }

    /**
     * {@code bootstrapAdminToken}: an admin token accepted while configured, never stored. {@code rateLimits}: how
     * many refused credentials a client address may present ({@code failedAuthentications} per
     * {@code failedAuthenticationsPer}) and how many writes an operator may send (a burst, then per second).
     */
    public record Security(@DefaultValue("") String bootstrapAdminToken,
                           @DefaultValue RateLimits rateLimits) {

        /** Whatever prints the settings must not print the token. */
        @Override
        public String toString() {
            return "Security[bootstrapAdminToken=" + masked(bootstrapAdminToken) + ", rateLimits=" + rateLimits + "]";
        }
    }

    public record RateLimits(@DefaultValue("20") int failedAuthentications,
                             @DefaultValue("PT1M") Duration failedAuthenticationsPer,
                             @DefaultValue("200") int writeBurst,
                             @DefaultValue("50") int writesPerSecond) {

        public RateLimits {
            if (failedAuthentications < 1 || writeBurst < 1 || writesPerSecond < 1
                    || failedAuthenticationsPer.isNegative() || failedAuthenticationsPer.isZero()) {
                throw new IllegalArgumentException("govlife.security.rate-limits: every limit must be positive");
            }
        }
    }

    /**
     * How each read model, saga and notice processor divides its work. {@code segments} applies when a processor's
     * tokens are first created (a new database); it bounds how many threads, and nodes, share one processor.
     */
    public record Processing(@DefaultValue("2") int segments,
                             @DefaultValue("1000") int batchSize) {
    }

    /**
     * This application node among the others on one database. {@code id} names it in segment claims and heartbeats;
     * blank means process id, host and a random suffix, so two nodes never share a name, not even in one JVM.
     */
    public record Node(@DefaultValue("") String id,
                       @DefaultValue("PT5S") Duration heartbeat,
                       @DefaultValue("PT5S") Duration tokenClaimInterval) {

        public String resolvedId() {
            if (!id.isBlank()) {
                return id;
            }
            return java.lang.management.ManagementFactory.getRuntimeMXBean().getName() + "-"
                    + java.util.UUID.randomUUID().toString().substring(0, 8);
        }
    }
}
