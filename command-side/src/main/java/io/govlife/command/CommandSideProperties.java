package io.govlife.command;

import jakarta.validation.Valid;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * The command side's {@code govlife.*} settings (README "Configuration"). A value that breaks its rule stops start-up
 * with a message naming the setting.
 */
@ConfigurationProperties("govlife")
@Validated
public record CommandSideProperties(@Valid @DefaultValue Webhooks webhooks) {

    /** @param secretOverlap how long a rotated-out integrator secret keeps signing beside the new one */
    public record Webhooks(@DefaultValue("PT24H") Duration secretOverlap) {

        public Webhooks {
            if (secretOverlap == null || secretOverlap.isNegative()) {
                throw new IllegalArgumentException("govlife.webhooks.secret-overlap must be zero or a positive "
                        + "duration, e.g. PT24H; got " + secretOverlap);
            }
        }
    }
}
