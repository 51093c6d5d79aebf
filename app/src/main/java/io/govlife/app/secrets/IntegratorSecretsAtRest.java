package io.govlife.app.secrets;

import io.govlife.command.gov.StoredSigningSecrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

/**
 * At start-up, before any notice is sent, seals every integrator secret still stored in clear (written before
 * secrets were encrypted) and re-seals those sealed under a previous key, so a rotated-out key can be dropped
 * after one start. Each row is replaced only if it still holds what was read, so nodes starting together, or a
 * start interrupted halfway, leave every row either as it was or sealed once.
 */
public record IntegratorSecretsAtRest(StoredSigningSecrets stored, SealedSecrets secrets) implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(IntegratorSecretsAtRest.class);

    /** Spring runs this while the context starts, before the schedulers and processors that send notices. */
    @Override
    public void afterPropertiesSet() {
        sealAll();
    }

    /** Answers how many rows were (re-)sealed. */
    public int sealAll() {
        int sealed = 0;
        for (StoredSigningSecrets.Row row : stored.all()) {
            if (secrets.sealedWithCurrentKey(row.secret())) {
                continue;
            }
            String clear;
            try {
                clear = SealedSecrets.isSealed(row.secret())
                        ? secrets.openSigningSecret(row.secret(), row.gov(), row.integrator()) : row.secret();
            } catch (IllegalStateException unopened) {
                log.warn("Integrator secret of {}/{} left as it is: {}", row.gov(), row.integrator(),
                        unopened.getMessage());
                continue;
            }
            if (stored.replace(row, secrets.seal(clear, row.gov(), row.integrator()))) {
                sealed++;
            }
        }
        if (sealed > 0) {
            log.info("Sealed {} integrator secret(s) with the current secrets key", sealed);
        }
        return sealed;
    }
}
