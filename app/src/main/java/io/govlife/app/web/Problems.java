package io.govlife.app.web;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** The shape of every error govlife answers: RFC 9457 problem details with a stable type and the fields at fault. */
public final class Problems {

    static final String TYPE_PREFIX = "urn:govlife:problem:";

    private Problems() {
    }

    static ProblemDetail problem(HttpStatusCode status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(type.startsWith("urn:") ? type : TYPE_PREFIX + type));
        problem.setTitle(title);
        return problem;
    }

    static ProblemDetail problem(HttpStatusCode status, String type, String title, String detail,
                                 List<FieldError> errors) {
        ProblemDetail problem = problem(status, type, title, detail);
        problem.setProperty("errors", errors.stream()
                .map(error -> Map.of("field", error.field(), "message", error.message()))
                .toList());
        return problem;
    }

    public static ProblemDetail problem(HttpStatusCode status, String type, String title, String field, String message) {
        return problem(status, type, title, field + ": " + message, List.of(new FieldError(field, message)));
    }

    record FieldError(String field, String message) {
    }
}
