package io.govlife.app.config;

import io.govlife.query.QuerySideProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Beans that hold the settings are records, whose toString prints their components: the secrets must not show. */
class SecretSettingsTest {

    private static final Binder SETTINGS = new Binder(new MapConfigurationPropertySource(Map.of(
            "govlife.secrets.key", "c2VjcmV0LWtleS1zZWFsaW5nLWludGVncmF0b3Jz",
            "govlife.secrets.previous-keys", "b2xkLWtleS1zdGlsbC1vcGVuaW5nLXNlY3JldHM=",
            "govlife.security.bootstrap-admin-token", "bootstrap-admin-secret",
            "govlife.audit.signing-key", "YXVkaXQtc2lnbmluZy1zZWVkLTMyLWJ5dGVzLXh4eA==")));

    @Test
    void printed_settings_say_whether_a_secret_is_set_never_what_it_is() {
        String app = SETTINGS.bind("govlife", GovlifeProperties.class).get().toString();
        String query = SETTINGS.bind("govlife", QuerySideProperties.class).get().toString();

        assertThat(app).doesNotContain("c2VjcmV0", "b2xkLWtleS", "bootstrap-admin-secret")
                .contains("key=******", "previousKeys=1", "bootstrapAdminToken=******");
        assertThat(query).doesNotContain("YXVkaXQtc2lnbmluZy").contains("signingKey=******");
    }
}
