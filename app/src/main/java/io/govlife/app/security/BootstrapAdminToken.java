package io.govlife.app.security;

import io.govlife.app.config.GovlifeProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The admin token given in {@code govlife.security.bootstrap-admin-token} ({@code GOVLIFE_BOOTSTRAP_ADMIN_TOKEN}),
 * so the first operator and admin tokens can be created. It is accepted only while it is configured — it is never
 * stored, so a value once used (or printed in a README) stops working at the first start without it. Start-up says
 * plainly whether one is in force.
 */
@Component
class BootstrapAdminToken implements InitializingBean {

    static final String TOKEN_ID = "bootstrap";
    private static final Logger log = LoggerFactory.getLogger(BootstrapAdminToken.class);
    private static final int RECOMMENDED_LENGTH = 32;

    private final byte[] token;

    BootstrapAdminToken(GovlifeProperties properties) {
        String configured = properties.security().bootstrapAdminToken();
        this.token = configured == null || configured.isBlank() ? null
                : configured.trim().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void afterPropertiesSet() {
        if (token == null) {
            log.info("No bootstrap admin token configured: only stored admin tokens can manage tokens "
                    + "(set GOVLIFE_BOOTSTRAP_ADMIN_TOKEN to create the first ones)");
            return;
        }
        log.warn("Bootstrap admin token in force: requests bearing it act as admin 'admin' until the service is "
                + "started without GOVLIFE_BOOTSTRAP_ADMIN_TOKEN; create a stored admin token and remove it");
        if (token.length < RECOMMENDED_LENGTH) {
            log.warn("The bootstrap admin token is shorter than {} characters: anyone who can guess it is admin",
                    RECOMMENDED_LENGTH);
        }
    }

    Optional<OperatorTokens.Principal> authenticate(String presented) {
        if (token == null || !MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        return Optional.of(new OperatorTokens.Principal(TOKEN_ID, "admin", true, false));
    }
}
