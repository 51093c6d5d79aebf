package io.govlife.app.secrets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SealedSecretsTest {

    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(new byte[32]);
    private static final String KEY_A = SecretsKeyring.newKey();
    private static final String KEY_B = SecretsKeyring.newKey();

    private static SealedSecrets with(String key, String... previous) {
        return new SealedSecrets(SecretsKeyring.load(key, List.of(previous), Path.of("unused")));
    }

    @Test
    void a_sealed_secret_opens_to_itself_and_does_not_show_it() {
        SealedSecrets secrets = with(KEY_A);
        String sealed = secrets.seal(SECRET, "gov.one", "acme");
        assertThat(sealed).startsWith("enc:v1:").doesNotContain("whsec_").hasSizeLessThanOrEqualTo(300);
        assertThat(secrets.seal(SECRET, "gov.one", "acme")).as("fresh nonce each time").isNotEqualTo(sealed);
        assertThat(secrets.openSigningSecret(sealed, "gov.one", "acme")).isEqualTo(SECRET);
    }

    @Test
    void a_tampered_value_does_not_open() {
        SealedSecrets secrets = with(KEY_A);
        String sealed = secrets.seal(SECRET, "gov.one", "acme");
        int at = sealed.length() - 10;
        String flipped = sealed.substring(0, at) + (sealed.charAt(at) == 'A' ? 'B' : 'A') + sealed.substring(at + 1);
        assertThatThrownBy(() -> secrets.openSigningSecret(flipped, "gov.one", "acme"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not open");
        assertThatThrownBy(() -> secrets.openSigningSecret(sealed.substring(0, sealed.length() - 4), "gov.one",
                "acme")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_value_moved_to_another_integrator_or_gov_does_not_open() {
        SealedSecrets secrets = with(KEY_A);
        String sealed = secrets.seal(SECRET, "gov.one", "acme");
        assertThatThrownBy(() -> secrets.openSigningSecret(sealed, "gov.one", "other"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> secrets.openSigningSecret(sealed, "gov.two", "acme"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void the_wrong_key_does_not_open_it() {
        String sealed = with(KEY_A).seal(SECRET, "gov.one", "acme");
        assertThatThrownBy(() -> with(KEY_B).openSigningSecret(sealed, "gov.one", "acme"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not configured");
        // a key that claims the same id is still caught by the tag
        String forged = sealed.replace(SecretsKeyring.idOf(SecretsKeyring.parse(KEY_A, "a")),
                SecretsKeyring.idOf(SecretsKeyring.parse(KEY_B, "b")));
        assertThatThrownBy(() -> with(KEY_B).openSigningSecret(forged, "gov.one", "acme"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void after_a_rotation_old_values_open_with_the_previous_key_and_new_ones_use_the_current() {
        String old = with(KEY_A).seal(SECRET, "gov.one", "acme");
        SealedSecrets rotated = with(KEY_B, KEY_A);
        assertThat(rotated.openSigningSecret(old, "gov.one", "acme")).isEqualTo(SECRET);
        assertThat(rotated.sealedWithCurrentKey(old)).isFalse();
        String resealed = rotated.seal(SECRET, "gov.one", "acme");
        assertThat(rotated.sealedWithCurrentKey(resealed)).isTrue();
        assertThat(with(KEY_B).openSigningSecret(resealed, "gov.one", "acme")).isEqualTo(SECRET);
        // ack tokens: current key first, the previous one still there
        assertThat(rotated.ackTokenKeys()).hasSize(2);
        assertThat(rotated.ackTokenKeys().get(0)).isEqualTo(with(KEY_B).ackTokenKeys().get(0));
    }

    @Test
    void a_secret_in_clear_is_not_opened_as_if_it_were_sealed() {
        assertThatThrownBy(() -> with(KEY_A).openSigningSecret(SECRET, "gov.one", "acme"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("in clear");
    }

    @Test
    void a_bad_configured_key_stops_the_start() {
        assertThatThrownBy(() -> SecretsKeyring.load("not base64!", List.of(), Path.of("x")))
                .hasMessageContaining("govlife.secrets.key");
        assertThatThrownBy(() -> SecretsKeyring.load(Base64.getEncoder().encodeToString(new byte[16]), List.of(),
                Path.of("x"))).hasMessageContaining("32 bytes");
    }

    @Test
    void without_a_configured_key_one_is_made_once_in_the_data_directory_for_its_owner_only(@TempDir Path dir) throws Exception {
        SecretsKeyring first = SecretsKeyring.load("", List.of(), dir.resolve("data"));
        SecretsKeyring again = SecretsKeyring.load(null, List.of(), dir.resolve("data"));
        assertThat(again.currentId()).isEqualTo(first.currentId());
        Path file = dir.resolve("data").resolve(SecretsKeyring.KEY_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (var listing = Files.list(dir.resolve("data"))) {
            assertThat(listing).containsExactly(file);
        }
        assertThat(SecretsKeyring.load(KEY_A, List.of(), dir.resolve("data")).currentId())
                .as("a configured key wins").isNotEqualTo(first.currentId());
    }
}
