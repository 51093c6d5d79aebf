package io.govlife.app.security;

import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Operators' bearer tokens. A token is 256 random bits, shown once; only its SHA-256 is stored (a slow hash buys
 * nothing against a secret of that strength), so the table never holds a usable token.
 */
@Component
public class OperatorTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final Clock clock;

    OperatorTokens(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Issued(String id, String operator, boolean admin, String token) {
    }

    public record Listed(String id, String operator, boolean admin, Instant createdAt, Instant revokedAt) {
    }

    public Issued issue(String operator, boolean admin) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = "glt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String id = "tok_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        store(id, operator, admin, token);
        return new Issued(id, operator, admin, token);
    }

    /** The operator a presented token stands for, if it is known and not revoked. */
    public Optional<Principal> authenticate(String token) {
        return jdbc.query("select operator, admin from operator_token where token_hash = ? and revoked_at is null",
                (rs, i) -> new Principal(rs.getString("operator"), rs.getBoolean("admin")), hash(token))
                .stream().findFirst();
    }

    public List<Listed> list() {
        return jdbc.query("select * from operator_token order by created_at, id", (rs, i) -> new Listed(
                rs.getString("id"), rs.getString("operator"), rs.getBoolean("admin"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("revoked_at") == null ? null : rs.getTimestamp("revoked_at").toInstant()));
    }

    public boolean revoke(String id) {
        return jdbc.update("update operator_token set revoked_at = coalesce(revoked_at, ?) where id = ?",
                Timestamp.from(clock.instant()), id) == 1;
    }

    /** Stores the configured bootstrap token as an admin token unless it is known already (revoked or not). */
    void bootstrap(String token) {
        Long known = jdbc.queryForObject("select count(*) from operator_token where token_hash = ?", Long.class,
                hash(token));
        if (known == null || known == 0) {
            store("tok_bootstrap_" + hash(token).substring(0, 8), "admin", true, token);
        }
    }

    private void store(String id, String operator, boolean admin, String token) {
        jdbc.update("insert into operator_token (id, operator, token_hash, admin, created_at) values (?, ?, ?, ?, ?)",
                id, operator, hash(token), admin, Timestamp.from(clock.instant()));
    }

    private static String hash(String token) {
        return DigestUtils.sha256Hex(token);
    }

    /** Who a request acts as. */
    public record Principal(String operator, boolean admin) implements java.security.Principal {
        @Override
        public String getName() {
            return operator;
        }
    }
}
