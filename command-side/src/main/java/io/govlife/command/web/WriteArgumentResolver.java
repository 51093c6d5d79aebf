package io.govlife.command.web;

import io.govlife.events.InvalidInput;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Resolves a {@link Write} parameter of a controller method from the request headers. */
@Component
public class WriteArgumentResolver implements HandlerMethodArgumentResolver {

    public static final String CORRELATION_ID = "X-Correlation-Id";

    private static final Pattern OPERATOR_PATTERN = Pattern.compile("^[\\p{Alnum}._@+-]{1,64}$");
    private static final Pattern CORRELATION_PATTERN = Pattern.compile("^[\\p{Alnum}._:-]{1,100}$");
    private static final Pattern VERSION = Pattern.compile("^(?:W/)?\"?(\\d{1,18})\"?$");

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Write.class;
    }

    @Override
    public Write resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                 NativeWebRequest request, WebDataBinderFactory binders) throws Exception {
        java.security.Principal principal = request.getUserPrincipal();
        if (principal == null || !isValidOperator(principal.getName())) {
            // the authentication filter lets no write through without an operator; this is the last line
            throw new InvalidInput("Authorization", "a write needs an authenticated operator");
        }
        String operator = principal.getName();
        return new Write(operator, expectedVersion(request.getHeader("If-Match")), correlationId(request));
    }

    public static boolean isValidOperator(String operator) {
        return operator != null && OPERATOR_PATTERN.matcher(operator).matches();
    }

    private static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        Matcher matcher = VERSION.matcher(ifMatch.trim());
        if (!matcher.matches()) {
            throw new InvalidInput("If-Match", "must be the gov version from an ETag, e.g. \"3\"");
        }
        return Long.parseLong(matcher.group(1));
    }

    private static String correlationId(NativeWebRequest request) {
        String given = request.getHeader(CORRELATION_ID);
        if (given == null) {
            return UUID.randomUUID().toString();
        }
        if (!CORRELATION_PATTERN.matcher(given).matches()) {
            throw new InvalidInput(CORRELATION_ID, "must be 1-100 characters of letters, digits and . _ : -");
        }
        return given;
    }
}
