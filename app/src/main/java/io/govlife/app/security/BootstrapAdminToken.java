package io.govlife.app.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * On start, a token given in {@code govlife.security.bootstrap-admin-token} ({@code GOVLIFE_BOOTSTRAP_ADMIN_TOKEN})
 * becomes an admin token, so the first operator tokens can be created. None is built in; once revoked, the same
 * value is not accepted again. Done while the context starts (the schema is migrated by then), before the first
 * request can arrive.
 */
@Component
class BootstrapAdminToken implements InitializingBean {

    private final OperatorTokens tokens;
    private final String token;

    BootstrapAdminToken(OperatorTokens tokens, @Value("${govlife.security.bootstrap-admin-token:}") String token) {
        this.tokens = tokens;
        this.token = token;
    }

    @Override
    public void afterPropertiesSet() {
        if (!token.isBlank()) {
            tokens.bootstrap(token);
        }
    }
}
