package io.govlife.saga;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * The sagas' and notices' {@code govlife.*} settings (README "Configuration"). A value that breaks its rule stops
 * start-up with a message naming the setting.
 *
 * @param publicUrl base of the links notices carry (acknowledgement, handshake page)
 */
@ConfigurationProperties("govlife")
@Validated
public record SagaProperties(
        @NotNull @Pattern(regexp = "https?://[^\\s]+", message = "must be an http(s) URL") @DefaultValue("http://localhost:8080") String publicUrl,
        @Valid @DefaultValue Bump bump,
        @Valid @DefaultValue Webhooks webhooks) {

    /** @param reminderBefore how long before a cutover integrators who have not acknowledged are reminded */
    public record Bump(@DefaultValue("PT6H") Duration reminderBefore) {

        public Bump {
            requirePositive(reminderBefore, "govlife.bump.reminder-before");
        }
    }

    /**
     * @param allowedHosts hosts webhooks may target, comma-separated ({@code *.example.org} allowed); empty: any
     *                     public host
     * @param firstRetry   wait before the first retry of a failed delivery (then doubling, with jitter)
     * @param giveUpAfter  how long a notice is retried before it is marked failed
     * @param pollInterval how often each node looks for notices due
     */
    public record Webhooks(@DefaultValue("") String allowedHosts,
                           @DefaultValue("PT30S") Duration firstRetry,
                           @DefaultValue("PT72H") Duration giveUpAfter,
                           @DefaultValue("PT0.5S") Duration pollInterval) {

        public Webhooks {
            requirePositive(firstRetry, "govlife.webhooks.first-retry");
            requirePositive(giveUpAfter, "govlife.webhooks.give-up-after");
            requirePositive(pollInterval, "govlife.webhooks.poll-interval");
            if (giveUpAfter.compareTo(firstRetry) < 0) {
                throw new IllegalArgumentException("govlife.webhooks.give-up-after must not be shorter than "
                        + "govlife.webhooks.first-retry; got " + giveUpAfter + " < " + firstRetry);
            }
        }
    }

    private static void requirePositive(Duration value, String setting) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(setting + " must be a positive duration, e.g. PT30S; got " + value);
        }
    }
}
