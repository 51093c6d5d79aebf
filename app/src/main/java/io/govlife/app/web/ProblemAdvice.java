package io.govlife.app.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.govlife.events.InvalidInput;
import io.govlife.events.gov.RuleViolation;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.NonNull;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static io.govlife.app.web.Problems.problem;

/**
 * The one place where failures become HTTP answers: every error is {@code application/problem+json} naming the
 * field and the rule, and no client input ever yields a stack trace or a 5xx.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);
    private static final String INVALID = "invalid-request";
    private static final String INVALID_TITLE = "The request is invalid";

    static ProblemDetail bodyTooLarge(long limit, String path) {
        ProblemDetail problem = problem(HttpStatus.PAYLOAD_TOO_LARGE, "body-too-large", "Request body too large",
                "body", "must be at most " + limit + " bytes");
        problem.setInstance(URI.create(path));
        return problem;
    }

    // ---- refusals: the gov's rules, a missing gov, a stale If-Match, a write that lost

    @ExceptionHandler({RuleViolation.class, AggregateNotFoundException.class,
            ConflictingAggregateVersionException.class, ConcurrencyException.class, ConcurrencyFailureException.class})
    ResponseEntity<ProblemDetail> refused(Exception refusal) {
        return of(Problems.refusal(refusal));
    }

    // ---- malformed requests

    @ExceptionHandler(InvalidInput.class)
    ResponseEntity<ProblemDetail> invalidInput(InvalidInput invalid) {
        return of(problem(HttpStatus.BAD_REQUEST, INVALID, INVALID_TITLE, invalid.field(), invalid.getMessage()));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(@NonNull MethodArgumentNotValidException invalid,
                                                                  @NonNull HttpHeaders headers,
                                                                  @NonNull HttpStatusCode status,
                                                                  @NonNull WebRequest request) {
        List<Problems.FieldError> errors = Stream.concat(
                        invalid.getFieldErrors().stream()
                                .map(e -> new Problems.FieldError(e.getField(), String.valueOf(e.getDefaultMessage()))),
                        invalid.getGlobalErrors().stream()
                                .map(e -> new Problems.FieldError(e.getObjectName(), String.valueOf(e.getDefaultMessage()))))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, INVALID, INVALID_TITLE, errors));
    }

    /** Spring's own check of a constrained parameter ({@code @Max} on a query parameter): each error names it. */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            @NonNull HandlerMethodValidationException invalid, @NonNull HttpHeaders headers,
            @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        List<Problems.FieldError> errors = invalid.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> new Problems.FieldError(
                        nameOf(result.getMethodParameter()), String.valueOf(error.getDefaultMessage()))))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, INVALID, INVALID_TITLE, errors));
    }

    /** The name the client used: a query parameter's own, else the Java name (compiled with -parameters). */
    private static String nameOf(MethodParameter parameter) {
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param != null && !param.name().isEmpty()) {
            return param.name();
        }
        return param != null && !param.value().isEmpty() ? param.value() : parameter.getParameterName();
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(@NonNull HttpMessageNotReadableException unreadable,
                                                                  @NonNull HttpHeaders headers,
                                                                  @NonNull HttpStatusCode status,
                                                                  @NonNull WebRequest request) {
        Throwable cause = unreadable.getCause();
        if (hasCause(unreadable, BodyTooLargeException.class)) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                    .body(bodyTooLarge(((BodyTooLargeException) rootOf(unreadable, BodyTooLargeException.class))
                            .limit(), pathOf(request)));
        }
        ProblemDetail problem;
        if (cause instanceof UnrecognizedPropertyException unknown) {
            problem = problem(HttpStatus.BAD_REQUEST, INVALID, INVALID_TITLE, path(unknown),
                    "unknown field: the API accepts only the fields it documents");
        } else if (cause instanceof InvalidFormatException wrongValue && wrongValue.getTargetType().isEnum()) {
            problem = problem(HttpStatus.BAD_REQUEST, INVALID, INVALID_TITLE, path(wrongValue),
                    "must be one of " + Arrays.toString(wrongValue.getTargetType().getEnumConstants()));
        } else if (cause instanceof InvalidFormatException wrongText && wrongText.getTargetType() == String.class
                && !wrongText.getPath().isEmpty()) {
            problem = problem(HttpStatus.BAD_REQUEST, INVALID, INVALID_TITLE, path(wrongText),
                    wrongText.getOriginalMessage());
        } else if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            problem = problem(HttpStatus.BAD_REQUEST, INVALID, INVALID_TITLE, path(mismatch),
                    "wrong type: expected " + describe(mismatch.getTargetType()));
        } else if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            problem = problem(HttpStatus.BAD_REQUEST, INVALID, INVALID_TITLE, path(mapping),
                    "invalid value: " + withoutJavaNames(mapping.getOriginalMessage()));
        } else if (cause instanceof JsonParseException parse) {
            problem = problem(HttpStatus.BAD_REQUEST, INVALID, INVALID_TITLE, "body",
                    "malformed JSON: " + withoutJavaNames(parse.getOriginalMessage()));
        } else if (cause instanceof MismatchedInputException mismatch) {
            problem = problem(HttpStatus.BAD_REQUEST, INVALID, INVALID_TITLE, "body",
                    mismatch.getOriginalMessage().startsWith("Trailing token")
                            ? "unexpected content after the JSON object"
                            : "the body must be one JSON object");
        } else {
            problem = problem(HttpStatus.BAD_REQUEST, INVALID, INVALID_TITLE, "body",
                    "a JSON object body is required");
        }
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(@NonNull TypeMismatchException mismatch,
                                                        @NonNull HttpHeaders headers,
                                                        @NonNull HttpStatusCode status,
                                                        @NonNull WebRequest request) {
        String field = mismatch instanceof MethodArgumentTypeMismatchException argument
                ? argument.getName() : String.valueOf(mismatch.getPropertyName());
        Class<?> required = mismatch.getRequiredType();
        String message = required != null && required.isEnum()
                ? "must be one of " + Arrays.toString(required.getEnumConstants())
                : invalidValueMessage(mismatch);
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, INVALID, INVALID_TITLE, field, message));
    }

    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(@NonNull ServletRequestBindingException missing,
                                                                          @NonNull HttpHeaders headers,
                                                                          @NonNull HttpStatusCode status,
                                                                          @NonNull WebRequest request) {
        if (missing instanceof MissingRequestHeaderException header) {
            return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, INVALID, INVALID_TITLE,
                    header.getHeaderName(), "header is required on every write"));
        }
        return super.handleServletRequestBindingException(missing, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            @NonNull MissingServletRequestParameterException missing, @NonNull HttpHeaders headers,
            @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, INVALID, INVALID_TITLE,
                missing.getParameterName(), "query parameter is required"));
    }

    /**
     * Spring's own errors (415 without a Content-Type, 405, 406, 404 for a path nothing serves…) come as
     * {@code about:blank} problems: given the type, title and {@code errors} every other answer has.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(@NonNull Exception failure, Object body,
                                                             @NonNull HttpHeaders headers,
                                                             @NonNull HttpStatusCode status,
                                                             @NonNull WebRequest request) {
        if (body == null && failure instanceof ErrorResponse spring) {
            body = spring.getBody();
        }
        if (body instanceof ProblemDetail spring && "about:blank".equals(String.valueOf(spring.getType()))) {
            body = inOurFormat(failure, spring, status);
        }
        return super.handleExceptionInternal(failure, body, headers, status, request);
    }

    private static ProblemDetail inOurFormat(Exception failure, ProblemDetail spring, HttpStatusCode status) {
        String field = "request";
        String message = String.valueOf(spring.getDetail());
        if (failure instanceof HttpMediaTypeNotSupportedException unsupported) {
            field = "Content-Type";
            message = unsupported.getContentType() == null ? "is required: application/json for every write"
                    : "must be one of " + unsupported.getSupportedMediaTypes();
        } else if (failure instanceof HttpRequestMethodNotSupportedException method) {
            field = "method";
            message = method.getMethod() + " is not offered here; allowed: "
                    + String.join(", ", String.valueOf(method.getSupportedHttpMethods()));
        } else if (failure instanceof HttpMediaTypeNotAcceptableException) {
            field = "Accept";
            message = "names no media type this resource is answered in";
        } else if (failure instanceof NoResourceFoundException || failure instanceof NoHandlerFoundException) {
            field = "path";
            message = "nothing is served at this path";
        }
        String reason = HttpStatus.valueOf(status.value()).getReasonPhrase();
        String code = reason.toLowerCase(Locale.ROOT).replace(' ', '-');
        String title = reason.charAt(0) + reason.substring(1).toLowerCase(Locale.ROOT);
        return problem(status, code, title, field, message);
    }

    /** Whatever else went wrong is ours, not the client's: logged in full, answered without internals. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception failure) {
        log.error("Unexpected failure handling a request", failure);
        return of(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error", "request",
                "the request could not be completed; nothing was changed unless an ETag was returned"));
    }

    // ---- helpers

    private static ResponseEntity<ProblemDetail> of(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    private static String invalidValueMessage(TypeMismatchException mismatch) {
        Throwable root = mismatch.getMostSpecificCause();
        return root instanceof IllegalArgumentException && root.getMessage() != null
                ? root.getMessage() : "invalid value";
    }

    /** Jackson's path to the bad value, as {@code spans[1]} or {@code lattice.fingerprint}. */
    private static String path(JsonMappingException failure) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : failure.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    /** Jackson names our classes in its messages; clients need not know them. */
    private static String withoutJavaNames(String message) {
        return message.replaceAll("`[\\w$]+(\\.[\\w$]+)+`", "the expected value")
                .replaceAll("\\s*\\(bound as [^)]*\\)", "");
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "another JSON type";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type == java.time.Instant.class) {
            return "an ISO-8601 UTC instant";
        }
        return "an object";
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        return rootOf(failure, type) != null;
    }

    private static Throwable rootOf(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        return null;
    }

    private static String pathOf(WebRequest request) {
        return request.getDescription(false).replaceFirst("^uri=", "");
    }
}
