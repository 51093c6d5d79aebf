package io.govlife.app.secrets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;

/**
 * At start-up, before any notice is sent, seals every integrator secret still stored in clear (written before
 * secrets were encrypted) and re-seals those sealed under a previous key, so a rotated-out key can be dropped
 * after one start. Each row is replaced only if it still holds what was read, so nodes starting together, or a
 * start interrupted halfway, leave every row either as it was or sealed once.
 */
public class IntegratorSecretsAtRest implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(IntegratorSecretsAtRest.class);

    private final JdbcTemplate jdbc;
    private final SealedSecrets secrets;

    public IntegratorSecretsAtRest(JdbcTemplate jdbc, SealedSecrets secrets) {
        this.jdbc = jdbc;
        this.secrets = secrets;
    }

    /** Spring runs this while the context starts, before the schedulers and processors that send notices. */
    @Override
    public void afterPropertiesSet() {
        sealAll();
    }

    /** Answers how many rows were (re-)sealed. */
    public int sealAll() {
        List<Map<String, Object>> rows = jdbc.queryForList("select gov, integrator, secret from integrator_secret");
        int sealed = 0;
        for (Map<String, Object> row : rows) {
            String gov = (String) row.get("GOV");
            String integrator = (String) row.get("INTEGRATOR");
            String stored = (String) row.get("SECRET");
            if (secrets.sealedWithCurrentKey(stored)) {
                continue;
            }
            String clear;
            try {
                clear = SealedSecrets.isSealed(stored) ? secrets.openSigningSecret(stored, gov, integrator) : stored;
            } catch (IllegalStateException unopened) {
                log.warn("Integrator secret of {}/{} left as it is: {}", gov, integrator, unopened.getMessage());
                continue;
            }
            sealed += jdbc.update("update integrator_secret set secret = ? where gov = ? and integrator = ? "
                    + "and secret = ?", secrets.seal(clear, gov, integrator), gov, integrator, stored);
        }
        if (sealed > 0) {
            log.info("Sealed {} integrator secret(s) with the current secrets key", sealed);
        }
        return sealed;
    }
}
