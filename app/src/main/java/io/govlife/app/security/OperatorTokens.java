package io.govlife.app.security;

import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Operators' bearer tokens. A token is 256 random bits, shown once; only its SHA-256 is stored (a slow hash buys
 * nothing against a secret of that strength), so the table never holds a usable token. A token may expire; each
 * records when it was last used, to the minute, so an admin can tell a live token from a forgotten one without
 * every request writing to the database.
 */
@Component
class OperatorTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Map<String, Instant> lastUseRecorded = new ConcurrentHashMap<>();

    OperatorTokens(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Issued(String id, String operator, boolean admin, boolean citizenOperator, Instant expiresAt,
                         String token) {
    }

    public record Listed(String id, String operator, boolean admin, boolean citizenOperator, Instant createdAt,
                         Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {
    }

    /** Who a request acts as, and by which token. */
    public record Principal(String tokenId, String operator, boolean admin, boolean citizenOperator) {
    }

    public Issued issue(String operator, boolean admin, boolean citizenOperator, Instant expiresAt) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = "glt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String id = "tok_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        jdbc.update("insert into operator_token (id, operator, token_hash, admin, citizen_operator, created_at, "
                        + "expires_at) values (?, ?, ?, ?, ?, ?, ?)", id, operator, hash(token), admin, citizenOperator,
                Timestamp.from(clock.instant()), expiresAt == null ? null : Timestamp.from(expiresAt));
        return new Issued(id, operator, admin, citizenOperator, expiresAt, token);
    }

    /** The operator a presented token stands for, if it is known, not revoked and not expired. */
    public Optional<Principal> authenticate(String token) {
        Instant now = clock.instant();
        Optional<Principal> principal = jdbc.query("select id, operator, admin, citizen_operator from operator_token "
                        + "where token_hash = ? and revoked_at is null and (expires_at is null or expires_at > ?)",
                (rs, i) -> new Principal(rs.getString("id"), rs.getString("operator"), rs.getBoolean("admin"),
                        rs.getBoolean("citizen_operator")),
                hash(token), Timestamp.from(now)).stream().findFirst();
        principal.ifPresent(used -> recordUse(used.tokenId(), now));
        return principal;
    }

    /** Whether the token is still good: a long-lived answer (a stream) stops when this turns false. */
    public boolean isActive(String tokenId) {
        Long active = jdbc.queryForObject("select count(*) from operator_token where id = ? and revoked_at is null "
                + "and (expires_at is null or expires_at > ?)", Long.class, tokenId, Timestamp.from(clock.instant()));
        return active != null && active > 0;
    }

    public List<Listed> list() {
        return jdbc.query("select * from operator_token order by created_at, id", (rs, i) -> new Listed(
                rs.getString("id"), rs.getString("operator"), rs.getBoolean("admin"), rs.getBoolean("citizen_operator"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("expires_at")),
                instant(rs.getTimestamp("last_used_at")), instant(rs.getTimestamp("revoked_at"))));
    }

    public boolean revoke(String id) {
        return jdbc.update("update operator_token set revoked_at = coalesce(revoked_at, ?) where id = ?",
                Timestamp.from(clock.instant()), id) == 1;
    }

    private void recordUse(String tokenId, Instant now) {
        Instant recorded = lastUseRecorded.get(tokenId);
        if (recorded != null && recorded.plus(LAST_USED_PRECISION).isAfter(now)) {
            return;
        }
        lastUseRecorded.put(tokenId, now);
        jdbc.update("update operator_token set last_used_at = ? where id = ? "
                        + "and (last_used_at is null or last_used_at < ?)",
                Timestamp.from(now), tokenId, Timestamp.from(now.minus(LAST_USED_PRECISION)));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String hash(String token) {
        return DigestUtils.sha256Hex(token);
    }
}
