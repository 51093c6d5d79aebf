package io.govlife.command.gov;

import io.govlife.events.Name;
import io.govlife.events.integrator.IntegratorEndpoint;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The {@code integrator_endpoint} and {@code integrator_secret} tables. Notices address and sign with what they
 * hold, asked by query ({@link IntegratorDirectoryQueries}), never by reading the tables. Secrets are stored sealed
 * ({@link SecretSealer}): a copy of the database alone does not let anyone sign notices.
 */
@Component
record JdbcIntegratorDirectory(JdbcTemplate jdbc, Clock clock, SecretSealer sealer) implements IntegratorDirectory {

    @Override
    public void register(Name gov, Name integrator, String webhookUrl, String secret) {
        unregister(gov, integrator);
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("insert into integrator_endpoint (gov, integrator, webhook_url, disabled, registered_at) "
                + "values (?, ?, ?, false, ?)", gov.value(), integrator.value(), webhookUrl, now);
        insertSecret(gov, integrator, secret);
    }

    @Override
    public void rotate(Name gov, Name integrator, String secret, Instant previousValidUntil) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("delete from integrator_secret where gov = ? and integrator = ? and valid_until <= ?",
                gov.value(), integrator.value(), now);
        jdbc.update("update integrator_secret set valid_until = ? where gov = ? and integrator = ? "
                + "and valid_until is null", Timestamp.from(previousValidUntil), gov.value(), integrator.value());
        insertSecret(gov, integrator, secret);
    }

    @Override
    public void unregister(Name gov, Name integrator) {
        jdbc.update("delete from integrator_secret where gov = ? and integrator = ?", gov.value(), integrator.value());
        jdbc.update("delete from integrator_endpoint where gov = ? and integrator = ?", gov.value(),
                integrator.value());
    }

    @Override
    public void disable(Name gov, Name integrator) {
        jdbc.update("update integrator_endpoint set disabled = true where gov = ? and integrator = ?", gov.value(),
                integrator.value());
    }

    private void insertSecret(Name gov, Name integrator, String secret) {
        jdbc.update("insert into integrator_secret (gov, integrator, secret, created_at, valid_until) "
                + "values (?, ?, ?, ?, null)", gov.value(), integrator.value(), sealer.seal(secret, gov, integrator),
                Timestamp.from(clock.instant()));
    }

    /** The gov's integrators whose endpoint is not disabled, ordered by name. */
    List<IntegratorEndpoint> enabledEndpoints(Name gov) {
        return jdbc.query("select integrator, webhook_url from integrator_endpoint where gov = ? and disabled = false "
                        + "order by integrator",
                (rs, i) -> new IntegratorEndpoint(Name.of(rs.getString("integrator")),
                        rs.getString("webhook_url")), gov.value());
    }

    /** The integrator's secrets, sealed, that sign at {@code at}: the current one and any still in its overlap. */
    List<String> sealedSecrets(Name gov, Name integrator, Instant at) {
        return jdbc.queryForList("select secret from integrator_secret where gov = ? and integrator = ? "
                        + "and (valid_until is null or valid_until > ?) order by created_at desc", String.class,
                gov.value(), integrator.value(), Timestamp.from(at));
    }
}
