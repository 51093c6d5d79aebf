package io.govlife.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.govlife.events.gov.Rule;
import io.govlife.events.gov.RuleViolation;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.springframework.dao.ConcurrencyFailureException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The one factory of govlife's error documents: RFC 9457 problem details with a stable {@code type}
 * ({@code urn:govlife:rule:<code>} for a refusal by a {@link Rule}, {@code urn:govlife:problem:<code>} for anything
 * else), a title that is the same wherever the type is, the request path as {@code instance}, and {@code errors}
 * naming the fields at fault. Every module's refusals, Spring's and Spring Security's own errors pass through it.
 */
public final class Problems {

    static final String PROBLEM = "urn:govlife:problem:";
    static final String RULE = "urn:govlife:rule:";

    private Problems() {
    }

    /** What each rule's refusal is in HTTP. No default: a new rule does not compile until it has its status. */
    static HttpStatus statusOf(Rule rule) {
        return switch (rule) {
            case NOT_AN_OPERATOR, NOT_THE_OWNER, CITIZEN_OPERATOR_LIMITS, ACK_TOKEN_INVALID -> HttpStatus.FORBIDDEN;
            case GOV_NOT_FOUND, CITIZEN_NOT_FOUND, SERVICE_NOT_SHIPPED, BUMP_NOT_PENDING, INTEGRATOR_NOT_FOUND,
                 NOTICE_NOT_FOUND, CO_OPERATOR_NOT_FOUND, CITIZEN_OPERATOR_NOT_FOUND, REVISION_NOT_FOUND,
                 FINGERPRINT_NOT_FOUND, PROJECTION_NOT_FOUND, DEAD_LETTER_NOT_FOUND, SEGMENT_NOT_FOUND -> HttpStatus.NOT_FOUND;
            case GOV_NAME_TAKEN, GOV_RETIRED, CITIZEN_NAME_TAKEN, STALE_CONFLUENCES, DRAFT_UNCHANGED, DRAFT_EMPTY,
                 CITIZEN_NOT_PUBLISHED, BUMP_ALREADY_PENDING, BUMP_PENDING_ON_CITIZEN, CITIZEN_CHANGED_IN_DRAFT,
                 CONFLUENCE_NOT_STALE, CUTOVER_NOT_DUE, INTEGRATOR_NAME_TAKEN, NOTICE_NOT_FAILED, CO_OPERATOR_ALREADY,
                 CITIZEN_OPERATOR_ALREADY, SEGMENT_NOT_MERGEABLE, PROCESSOR_BUSY -> HttpStatus.CONFLICT;
            case NOT_A_CONFLUENCE, CONFLUENCE_SPANS_TOO_FEW, CONFLUENCE_SPAN_REPEATED, CONFLUENCE_SPAN_UNKNOWN,
                 CONFLUENCE_SPANS_ITSELF, BUMP_NOT_FOR_CONFLUENCE, BUMP_SAME_FINGERPRINT, UPGRADE_SPANS_UNPUBLISHED,
                 CONFLUENCE_SPANS_MISSING -> HttpStatus.UNPROCESSABLE_ENTITY;
        };
    }

    /**
     * The answer to a refused request — a broken rule, a gov that does not exist, a stale {@code If-Match}, a write
     * that lost to another — or null when the failure is not the client's. The command log names the same code.
     */
    public static ProblemDetail refusal(Throwable failure) {
        if (failure instanceof RuleViolation violation) {
            return refused(violation.rule(), violation.field(), violation.getMessage());
        } else if (failure instanceof AggregateNotFoundException missing) {
            return refusal(RuleViolation.govNotFound(missing.getAggregateIdentifier()));
        } else if (failure instanceof ConflictingAggregateVersionException stale) {
            return problem(HttpStatus.PRECONDITION_FAILED, "stale-version", "The gov changed since you read it",
                    "If-Match", "the gov is at version " + stale.getActualVersion() + ", not "
                            + stale.getExpectedVersion() + ": read it again and retry");
        } else if (failure instanceof ConcurrencyException || failure instanceof ConcurrencyFailureException) {
            // Axon's sequence-number check, or the database refusing a lock: another writer got there first
            return problem(HttpStatus.CONFLICT, "concurrent-change", "Another write to this gov won", "gov",
                    "another write to this gov was committed first: read it again and retry");
        }
        return null;
    }

    /** The code that ends a problem's type: the rule, or the problem's own name. */
    public static String codeOf(ProblemDetail problem) {
        String type = String.valueOf(problem.getType());
        return type.substring(type.lastIndexOf(':') + 1);
    }

    static ProblemDetail refused(Rule rule, String field, String message) {
        ProblemDetail problem = problem(statusOf(rule), URI.create(RULE + rule.code()), "Refused by rule " + rule.code(),
                message, List.of(new FieldError(field, message)));
        problem.setProperty("rule", rule.code());
        return problem;
    }

    public static ProblemDetail problem(HttpStatusCode status, String code, String title, String field, String message) {
        return problem(status, URI.create(PROBLEM + code), title, field + ": " + message,
                List.of(new FieldError(field, message)));
    }

    static ProblemDetail problem(HttpStatusCode status, String code, String title, List<FieldError> errors) {
        String detail = String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList());
        return problem(status, URI.create(PROBLEM + code), title, detail, errors);
    }

    private static ProblemDetail problem(HttpStatusCode status, URI type, String title, String detail,
                                         List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        problem.setProperty("errors", errors.stream()
                .map(error -> Map.of("field", error.field(), "message", error.message()))
                .toList());
        return problem;
    }

    /**
     * Writes a problem from a servlet filter or Spring Security handler, outside Spring MVC (which fills in
     * {@code instance} itself): the same document the advice would have answered.
     */
    public static void write(HttpServletRequest request, HttpServletResponse response, ObjectMapper json,
                             ProblemDetail problem) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        if (problem.getInstance() == null) {
            problem.setInstance(URI.create(request.getRequestURI()));
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    record FieldError(String field, String message) {
    }
}
