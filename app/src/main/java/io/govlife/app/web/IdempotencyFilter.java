package io.govlife.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.govlife.command.web.WriteArgumentResolver;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
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
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10) // after authentication: keys belong to the authenticated operator
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final Duration ABANDONED = Duration.ofMinutes(1);
    private static final Pattern KEY = Pattern.compile("^[\\x21-\\x7e]{1,100}$");
    private static final List<String> WRITES = List.of("POST", "PUT", "PATCH", "DELETE");

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration retention;

    IdempotencyFilter(JdbcTemplate jdbc, ObjectMapper json, Clock clock,
                      @Value("${govlife.idempotency.retention:PT24H}") Duration retention) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.retention = retention;
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
            problem(response, HttpStatus.BAD_REQUEST, "invalid-request", HEADER,
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
            replayOrRefuse(operator, key, hash, response);
            return;
        }
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        boolean stored = false;
        try {
            chain.doFilter(new CachedBodyRequest(request, body), recorded);
            if (recorded.getStatus() < 500) {
                jdbc.update("update idempotent_request set completed = true, status = ?, location = ?, etag = ?, "
                                + "content_type = ?, body = ? where operator = ? and idem_key = ?",
                        recorded.getStatus(), recorded.getHeader("Location"), recorded.getHeader("ETag"),
                        recorded.getContentType(), new String(recorded.getContentAsByteArray(), StandardCharsets.UTF_8),
                        operator, key);
                stored = true;
            }
        } finally {
            if (!stored) {
                jdbc.update("delete from idempotent_request where operator = ? and idem_key = ?", operator, key);
            }
            recorded.copyBodyToResponse();
        }
    }

    /** Keeps answers for the retention period, then forgets them. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    void forgetExpired() {
        jdbc.update("delete from idempotent_request where created_at < ?",
                Timestamp.from(clock.instant().minus(retention)));
    }

    private boolean claim(String operator, String key, String hash) {
        Instant now = clock.instant();
        jdbc.update("delete from idempotent_request where operator = ? and idem_key = ? and completed = false "
                + "and created_at < ?", operator, key, Timestamp.from(now.minus(ABANDONED)));
        try {
            jdbc.update("insert into idempotent_request (operator, idem_key, request_hash, completed, created_at) "
                    + "values (?, ?, ?, false, ?)", operator, key, hash, Timestamp.from(now));
            return true;
        } catch (DuplicateKeyException seen) {
            return false;
        }
    }

    private void replayOrRefuse(String operator, String key, String hash, HttpServletResponse response)
            throws IOException {
        List<Map<String, Object>> rows = jdbc.queryForList("select * from idempotent_request where operator = ? "
                + "and idem_key = ?", operator, key);
        if (rows.isEmpty()) {
            problem(response, HttpStatus.CONFLICT, "idempotency-key-in-progress", HEADER,
                    "a request with this key has just finished being forgotten; send it again");
            return;
        }
        Map<String, Object> row = rows.get(0);
        if (!hash.equals(row.get("REQUEST_HASH"))) {
            problem(response, HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused", HEADER,
                    "this key was used for a different request; use a new key for a new request");
        } else if (!Boolean.TRUE.equals(row.get("COMPLETED"))) {
            problem(response, HttpStatus.CONFLICT, "idempotency-key-in-progress", HEADER,
                    "the first request with this key is still being processed; retry shortly");
        } else {
            response.setStatus(((Number) row.get("STATUS")).intValue());
            header(response, "Location", row.get("LOCATION"));
            header(response, "ETag", row.get("ETAG"));
            header(response, "Content-Type", row.get("CONTENT_TYPE"));
            response.setHeader("Idempotent-Replayed", "true");
            Object body = row.get("BODY");
            if (body != null) {
                response.getOutputStream().write(body.toString().getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static void header(HttpServletResponse response, String name, Object value) {
        if (value != null) {
            response.setHeader(name, value.toString());
        }
    }

    private void problem(HttpServletResponse response, HttpStatus status, String type, String field, String message)
            throws IOException {
        ProblemDetail problem = Problems.problem(status, type, status.getReasonPhrase(), field, message);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
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
