package io.govlife.query;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The read side's {@code govlife.*} settings (README "Configuration"). A value that breaks its rule stops start-up
 * with a message naming the setting.
 *
 * @param publicUrl base of the links the change channel's feed carries, and the origin of audit checkpoints
 * @param dataDir   where a generated audit signing key is kept (the application's data directory)
 * @param publicReads how the answers integrators poll are kept on each node
 */
@ConfigurationProperties("govlife")
@Validated
public record QuerySideProperties(
        @NotNull @Pattern(regexp = "https?://[^\\s]+", message = "must be an http(s) URL") @DefaultValue("http://localhost:8080") String publicUrl,
        @Valid @DefaultValue Stream stream,
        @NotNull @DefaultValue("./data") Path dataDir,
        @Valid @DefaultValue Audit audit,
        @Valid @DefaultValue PublicReads publicReads) {

    /**
     * @param recheck how long a node serves a public answer (current config, handshake page, fingerprint lookup)
     *                without asking the database whether another node's projection changed it; this node's own
     *                changes show at once. Zero: ask on every request.
     */
    public record PublicReads(@DefaultValue("PT1S") Duration recheck) {

        public PublicReads {
            if (recheck == null || recheck.isNegative() || recheck.compareTo(Duration.ofSeconds(30)) > 0) {
                // past the 30 s a CDN may keep them (Cache-Control), a node would promise less than a CDN
                throw new IllegalArgumentException("govlife.public-reads.recheck must be between PT0S and PT30S, "
                        + "e.g. PT1S; got " + recheck);
            }
        }
    }

    /**
     * @param signingKey base64 of the 32-byte seed of the Ed25519 key signing audit exports; blank: the data
     *                   directory's {@code audit-signing.key}, drawn on first start (README "Tamper-evident audit export")
     */
    public record Audit(@DefaultValue("") String signingKey) {

        /** Whatever prints the settings must not print the seed. */
        @Override
        public String toString() {
            return "Audit[signingKey=" + (signingKey == null || signingKey.isEmpty() ? "" : "******") + "]";
        }
    }

    /**
     * @param pollInterval    how often open live streams look for changes
     * @param recheckInterval how soon a live stream ends after its token is revoked or expires
     */
    public record Stream(@DefaultValue("PT0.25S") Duration pollInterval,
                         @DefaultValue("PT5S") Duration recheckInterval) {

        public Stream {
            requirePositive(pollInterval, "govlife.stream.poll-interval");
            requirePositive(recheckInterval, "govlife.stream.recheck-interval");
        }

        private static void requirePositive(Duration value, String setting) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(setting + " must be a positive duration, e.g. PT5S; got " + value);
            }
        }
    }
}
