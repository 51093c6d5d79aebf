package io.govlife.command.integrator;

import io.govlife.events.InvalidInput;

import java.util.Optional;

/**
 * Which webhook URLs an integrator may register. The rule itself belongs to notice delivery, which asks it again
 * before every attempt (a name's addresses change); the application assembly hands it here, so registration
 * refuses exactly what delivery would and the address ranges are written down once.
 */
public interface WebhookTargets {

    /** Why notices may not be sent to {@code webhookUrl}, or empty when they may. */
    Optional<String> refusal(String webhookUrl);

    /** @throws InvalidInput naming {@code webhookUrl} when the URL may not be called */
    default void require(String webhookUrl) {
        refusal(webhookUrl).ifPresent(reason -> {
            throw new InvalidInput("webhookUrl", reason);
        });
    }
}
