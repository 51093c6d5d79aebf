package io.govlife.app.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DefaultOAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * The resource server's introspection, answered from our own token table instead of a remote endpoint: an opaque
 * token stands for an operator (authority {@code ROLE_OPERATOR}), a citizen operator ({@code ROLE_CITIZEN_OPERATOR})
 * or an admin ({@code ROLE_ADMIN}). The
 * authentication's name is the operator, which is what every write records as its author.
 */
@Component
record TokenIntrospector(OperatorTokens tokens, BootstrapAdminToken bootstrap) implements OpaqueTokenIntrospector {

    static final String TOKEN_ID = "token_id";

    @Override
    public OAuth2AuthenticatedPrincipal introspect(String token) {
        OperatorTokens.Principal principal = bootstrap.authenticate(token)
                .or(() -> tokens.authenticate(token))
                .orElseThrow(() -> new BadOpaqueTokenException("unknown, revoked or expired token"));
        String role = principal.admin() ? SecurityConfiguration.ADMIN
                : principal.citizenOperator() ? SecurityConfiguration.CITIZEN_OPERATOR : SecurityConfiguration.OPERATOR;
        List<GrantedAuthority> authorities = List.of(new SimpleGrantedAuthority("ROLE_" + role));
        return new DefaultOAuth2AuthenticatedPrincipal(principal.operator(),
                Map.of(TOKEN_ID, principal.tokenId(), "operator", principal.operator()), authorities);
    }
}
