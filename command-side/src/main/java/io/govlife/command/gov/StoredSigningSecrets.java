package io.govlife.command.gov;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The integrators' signing secrets as stored, for the one job that rewrites them in place: sealing at start-up what
 * an older version stored in clear, or under a rotated-out key (the application's secrets keyring). The table is
 * the command side's, so its SQL is here.
 */
@Component
public record StoredSigningSecrets(JdbcTemplate jdbc) {

    public List<Row> all() {
        return jdbc.query("select gov, integrator, secret from integrator_secret",
                (rs, n) -> new Row(rs.getString("gov"), rs.getString("integrator"), rs.getString("secret")));
    }

    /** Replaces a row's secret only if it still holds what was read: concurrent starts seal a row at most once. */
    public boolean replace(Row row, String replacement) {
        return jdbc.update("update integrator_secret set secret = ? where gov = ? and integrator = ? and secret = ?",
                replacement, row.gov(), row.integrator(), row.secret()) == 1;
    }

    public record Row(String gov, String integrator, String secret) {
    }
}
