package io.govlife.app.security;

import io.govlife.query.composition.StreamGuard;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthentication;
import org.springframework.stereotype.Component;

import java.util.function.BooleanSupplier;

/** A live stream lasts as long as the token it was opened with: revoked or expired, the stream ends. */
@Component
record TokenStreamGuard(OperatorTokens tokens) implements StreamGuard {

    @Override
    public BooleanSupplier stillAllowed(HttpServletRequest request) {
        if (!(request.getUserPrincipal() instanceof BearerTokenAuthentication authentication)) {
            return () -> false;
        }
        Object tokenId = authentication.getTokenAttributes().get(TokenIntrospector.TOKEN_ID);
        if (BootstrapAdminToken.TOKEN_ID.equals(tokenId)) {
            return () -> true; // accepted for as long as this process runs with it configured
        }
        return () -> tokens.isActive((String) tokenId);
    }
}
