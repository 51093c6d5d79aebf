package io.govlife.events.integrator;

import java.util.List;

/**
 * The answer to {@link FindSealedSigningSecrets}: the secrets, sealed, newest first; empty when the integrator has
 * none (it is not, or no longer, registered).
 */
public record SealedSigningSecrets(List<String> newestFirst) {

    public SealedSigningSecrets {
        newestFirst = List.copyOf(newestFirst);
    }
}
