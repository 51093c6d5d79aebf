package io.govlife.query.support;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Query refusals as RFC 9457 problems. Spring renders an {@link ErrorResponseException} as its problem detail, so the
 * query side needs nothing of the app's advice to answer in the same shape.
 */
public final class QueryProblems {

    private QueryProblems() {
    }

    public static ErrorResponseException notFound(String type, String field, String message) {
        return problem(HttpStatus.NOT_FOUND, type, "Not found", field, message);
    }

    public static ErrorResponseException badRequest(String field, String message) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", "The request is invalid", field, message);
    }

    public static ErrorResponseException noSuchGov(String gov) {
        return notFound("gov-not-found", "gov", "no gov named '" + gov + "'");
    }

    private static ErrorResponseException problem(HttpStatus status, String type, String title, String field,
                                                  String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, field + ": " + message);
        problem.setType(URI.create("urn:govlife:problem:" + type));
        problem.setTitle(title);
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return new ErrorResponseException(status, problem, null);
    }
}
