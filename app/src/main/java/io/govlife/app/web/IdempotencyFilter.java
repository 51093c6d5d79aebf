package io.govlife.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.govlife.app.messaging.NodeMembership;
import io.govlife.app.secrets.SealedSecrets;
import io.govlife.command.web.WriteArgumentResolver;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.codec.digest.DigestUtils;
import io.govlife.app.config.GovlifeProperties;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes sent with an {@code Idempotency-Key}: the first answer is stored per operator and key; a retry with the
 * same request gets that answer again ({@code Idempotent-Replayed: true}) and appends nothing; the same key with a
 * different request is refused with 422; a retry while the first is still running gets 409. A key whose first
 * request died half-way is released after {@link #ABANDONED}.
 * <p>
 * The stored answer commits in the transaction that appends the command's events (the command bus runs in this
 * thread and joins it): a crash before that commit loses both, so the retry runs once; after it, the retry gets the
 * answer. Storing the answer afterwards, in a transaction of its own, let a crash in between leave events with an
 * abandoned key, and the retry write them twice. Only an answer without events (a refusal) is stored on its own.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER + 10) // after Spring Security: keys belong to the authenticated operator
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final Duration ABANDONED = Duration.ofMinutes(1);
    private static final Pattern KEY = Pattern.compile("^[\\x21-\\x7e]{1,100}$");
    private static final List<String> WRITES = List.of("POST", "PUT", "PATCH", "DELETE");

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration retention;
    private final TransactionTemplate transactions;
    private final String haltBeforeCommitOf;
    private final NodeMembership node;
    private final SealedSecrets secrets;

    IdempotencyFilter(JdbcTemplate jdbc, ObjectMapper json, Clock clock, PlatformTransactionManager transactions,
                      NodeMembership node, SealedSecrets secrets, GovlifeProperties settings) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.retention = settings.idempotency().retention();
        this.transactions = new TransactionTemplate(transactions);
        this.haltBeforeCommitOf = settings.faultInjection().haltBeforeCommitOfIdempotencyKey();
        this.node = node;
        this.secrets = secrets;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(HEADER) == null || !WRITES.contains(request.getMethod())
                || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        String operator = request.getUserPrincipal() == null ? null : request.getUserPrincipal().getName();
        if (!KEY.matcher(key).matches()) {
            problem(request, response, HttpStatus.BAD_REQUEST, "invalid-request", HEADER,
                    "must be 1-100 printable ASCII characters");
            return;
        }
        if (!WriteArgumentResolver.isValidOperator(operator)) {
            chain.doFilter(request, response); // refused downstream for want of a valid operator
            return;
        }
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        } catch (BodyTooLargeException tooLarge) {
            response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(),
                    ProblemAdvice.bodyTooLarge(tooLarge.limit(), request.getRequestURI()));
            return;
        }
        String hash = DigestUtils.sha256Hex(request.getMethod() + " " + request.getRequestURI() + "?"
                + request.getQueryString() + "\n" + new String(body, StandardCharsets.UTF_8));

        if (!claim(operator, key, hash)) {
            replayOrRefuse(operator, key, hash, request, response);
            return;
        }
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        boolean stored = false;
        try {
            stored = Boolean.TRUE.equals(transactions.execute(transaction -> {
                try {
                    chain.doFilter(new CachedBodyRequest(request, body), recorded);
                } catch (IOException | ServletException e) {
                    throw new FilterFailure(e);
                }
                if (recorded.getStatus() >= 500 || transaction.isRollbackOnly()) {
                    transaction.setRollbackOnly(); // nothing of it is kept; a refusal's answer is stored below
                    return false;
                }
                storeAnswer(operator, key, recorded);
                if (key.equals(haltBeforeCommitOf)) {
                    Runtime.getRuntime().halt(137); // the crash test's kill -9, at the one moment that matters
                }
                return true;
            }));
            if (!stored && recorded.getStatus() < 500) {
                // a refusal rolled back whatever it touched: its answer has no events to commit with
                transactions.executeWithoutResult(transaction -> storeAnswer(operator, key, recorded));
                stored = true;
            }
        } catch (FilterFailure failure) {
            if (failure.getCause() instanceof ServletException servlet) {
                throw servlet;
            }
            throw (IOException) failure.getCause();
        } finally {
            if (!stored) {
                jdbc.update("delete from idempotent_request where operator = ? and idem_key = ?", operator, key);
            }
            recorded.copyBodyToResponse();
        }
    }

    /**
     * An answer its controller marked {@code no-store} carries a secret (a token, a signing secret): it is kept
     * sealed, so the table never holds it in clear.
     */
    private void storeAnswer(String operator, String key, ContentCachingResponseWrapper recorded) {
        String body = new String(recorded.getContentAsByteArray(), StandardCharsets.UTF_8);
        String cacheControl = recorded.getHeader("Cache-Control");
        if (cacheControl != null && cacheControl.contains("no-store")) {
            body = secrets.sealStoredAnswer(body, operator, key);
        }
        jdbc.update("update idempotent_request set completed = true, status = ?, location = ?, etag = ?, "
                        + "content_type = ?, body = ? where operator = ? and idem_key = ?",
                recorded.getStatus(), recorded.getHeader("Location"), recorded.getHeader("ETag"),
                recorded.getContentType(), body, operator, key);
    }

    /** Carries a checked failure of the filter chain out of the transaction callback. */
    private static final class FilterFailure extends RuntimeException {
        FilterFailure(Exception cause) {
            super(cause);
        }
    }

    /** Keeps answers for the retention period, then forgets them. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    void forgetExpired() {
        jdbc.update("delete from idempotent_request where created_at < ?",
                Timestamp.from(clock.instant().minus(retention)));
    }

    /**
     * Claims the key for this node. A claim left incomplete by a node that is gone (crashed: no heartbeat any more)
     * or older than {@link #ABANDONED} is taken over, so a client's retry after a crash runs instead of waiting.
     */
    private boolean claim(String operator, String key, String hash) {
        Instant now = clock.instant();
        jdbc.update("delete from idempotent_request where operator = ? and idem_key = ? and completed = false "
                + "and (created_at < ? or (claimed_by <> ? and claimed_by not in (select node_id from node_heartbeat)))",
                operator, key, Timestamp.from(now.minus(ABANDONED)), node.id());
        try {
            jdbc.update("insert into idempotent_request (operator, idem_key, request_hash, completed, created_at, "
                    + "claimed_by) values (?, ?, ?, false, ?, ?)", operator, key, hash, Timestamp.from(now), node.id());
            return true;
        } catch (DuplicateKeyException seen) {
            return false;
        }
    }

    private void replayOrRefuse(String operator, String key, String hash, HttpServletRequest request,
                                HttpServletResponse response)
            throws IOException {
        List<Map<String, Object>> rows = jdbc.queryForList("select * from idempotent_request where operator = ? "
                + "and idem_key = ?", operator, key);
        if (rows.isEmpty()) {
            problem(request, response, HttpStatus.CONFLICT, "idempotency-key-in-progress", HEADER,
                    "a request with this key has just finished being forgotten; send it again");
            return;
        }
        Map<String, Object> row = rows.get(0);
        if (!hash.equals(row.get("REQUEST_HASH"))) {
            problem(request, response, HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused", HEADER,
                    "this key was used for a different request; use a new key for a new request");
        } else if (!Boolean.TRUE.equals(row.get("COMPLETED"))) {
            problem(request, response, HttpStatus.CONFLICT, "idempotency-key-in-progress", HEADER,
                    "the first request with this key is still being processed; retry shortly");
        } else {
            response.setStatus(((Number) row.get("STATUS")).intValue());
            header(response, "Location", row.get("LOCATION"));
            header(response, "ETag", row.get("ETAG"));
            header(response, "Content-Type", row.get("CONTENT_TYPE"));
            response.setHeader("Idempotent-Replayed", "true");
            Object body = row.get("BODY");
            if (body != null) {
                String text = body.toString();
                if (SealedSecrets.isSealed(text)) {
                    text = secrets.openStoredAnswer(text, operator, key);
                    response.setHeader("Cache-Control", "no-store");
                }
                response.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static void header(HttpServletResponse response, String name, Object value) {
        if (value != null) {
            response.setHeader(name, value.toString());
        }
    }

    private void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type,
                         String field, String message) throws IOException {
        Problems.write(request, response, json, Problems.problem(status, type, status.getReasonPhrase(), field, message));
    }

    /** The request with its body read once and served again from memory. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }
            };
        }
    }
}
