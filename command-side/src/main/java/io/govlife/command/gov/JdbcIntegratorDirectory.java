package io.govlife.command.gov;

import io.govlife.events.gov.GovName;
import io.govlife.events.integrator.IntegratorName;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

/**
 * The {@code integrator_endpoint} and {@code integrator_secret} tables; notices read them to address and sign.
 * Secrets are stored sealed ({@link SecretSealer}): a copy of the database alone does not let anyone sign notices.
 */
@Component
class JdbcIntegratorDirectory implements IntegratorDirectory {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final SecretSealer sealer;

    JdbcIntegratorDirectory(JdbcTemplate jdbc, Clock clock, SecretSealer sealer) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.sealer = sealer;
    }

    @Override
    public void register(GovName gov, IntegratorName integrator, String webhookUrl, String secret) {
        unregister(gov, integrator);
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("insert into integrator_endpoint (gov, integrator, webhook_url, disabled, registered_at) "
                + "values (?, ?, ?, false, ?)", gov.value(), integrator.value(), webhookUrl, now);
        insertSecret(gov, integrator, secret);
    }

    @Override
    public void rotate(GovName gov, IntegratorName integrator, String secret, Instant previousValidUntil) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("delete from integrator_secret where gov = ? and integrator = ? and valid_until <= ?",
                gov.value(), integrator.value(), now);
        jdbc.update("update integrator_secret set valid_until = ? where gov = ? and integrator = ? "
                + "and valid_until is null", Timestamp.from(previousValidUntil), gov.value(), integrator.value());
        insertSecret(gov, integrator, secret);
    }

    @Override
    public void unregister(GovName gov, IntegratorName integrator) {
        jdbc.update("delete from integrator_secret where gov = ? and integrator = ?", gov.value(), integrator.value());
        jdbc.update("delete from integrator_endpoint where gov = ? and integrator = ?", gov.value(),
                integrator.value());
    }

    @Override
    public void disable(GovName gov, IntegratorName integrator) {
        jdbc.update("update integrator_endpoint set disabled = true where gov = ? and integrator = ?", gov.value(),
                integrator.value());
    }

    private void insertSecret(GovName gov, IntegratorName integrator, String secret) {
        jdbc.update("insert into integrator_secret (gov, integrator, secret, created_at, valid_until) "
                + "values (?, ?, ?, ?, null)", gov.value(), integrator.value(), sealer.seal(secret, gov, integrator),
                Timestamp.from(clock.instant()));
    }
}
