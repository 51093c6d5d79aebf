package io.govlife.saga.notices;

import javax.crypto.SecretKey;
import java.util.List;

/**
 * What notices need of the service's secrets key, which the application assembly holds (the command side seals
 * integrators' secrets with the same key, and neither module may see the other).
 */
public interface NoticeKeys {

    /**
     * An integrator's signing secret in clear, from the sealed form the integrator directory answers with
     * ({@link io.govlife.events.integrator.FindSealedSigningSecrets}).
     *
     * @throws IllegalStateException when no configured key opens it (a key removed too early, a tampered row)
     */
    String openSigningSecret(String sealed, String gov, String integrator);

    /** HMAC-SHA256 keys for ack tokens, current first; earlier ones still accept tokens already sent. */
    List<SecretKey> ackTokenKeys();
}
