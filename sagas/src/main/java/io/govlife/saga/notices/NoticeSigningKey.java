package io.govlife.saga.notices;

import io.govlife.events.SigningSeed;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

/**
 * Signs notices to addressees that share no secret with the service (a citizen's operator told of its inclusion): an
 * Ed25519 signature in the Standard Webhooks asymmetric form ({@code v1a,<base64>}), verified with the public key
 * anyone may fetch from {@code GET /api/notices/signing-key} ({@code whpk_<base64>}). An integrator registers and is
 * given a secret; a citizen's operator never asked to hear from the gov, so there is nothing to give it but a key to
 * check against. The key pair is derived from the service's secrets key, so every node signs alike and nothing more
 * is stored; rotating the secrets key rotates it.
 */
@RestController
class NoticeSigningKey {

    /** The X.509 prefix of a raw 32-byte Ed25519 public key (RFC 8410). */
    static final byte[] X509_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

    private final NoticeKeys keys;
    private volatile Derived derived;

    public NoticeSigningKey(NoticeKeys keys) {
        this.keys = keys;
    }

    private record Derived(SecretKey from, KeyPair pair) {
    }

    @GetMapping("/api/notices/signing-key")
    Map<String, String> publicKey() {
        return Map.of("algorithm", "Ed25519", "publicKey", publicKeyText(),
                "use", "verifies the webhook-signature (v1a) of notices to citizens' operators");
    }

    /** {@code whpk_} and the raw public key in base64. */
    public String publicKeyText() {
        byte[] encoded = pair().getPublic().getEncoded();
        return "whpk_" + Base64.getEncoder().encodeToString(Arrays.copyOfRange(encoded, X509_PREFIX.length,
                encoded.length));
    }

    /** The {@code webhook-signature} value for a notice with this id, timestamp and body. */
    String sign(String id, long timestamp, String body) {
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initSign(pair().getPrivate());
            ed25519.update((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1a," + Base64.getEncoder().encodeToString(ed25519.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 unavailable", e);
        }
    }

    private KeyPair pair() {
        SecretKey current = keys.ackTokenKeys().get(0);
        Derived known = derived;
        if (known == null || !known.from().equals(current)) {
            known = new Derived(current, derive(current));
            derived = known;
        }
        return known.pair();
    }

    /** A seed of its own, drawn from the key that also protects integrators' secrets: no second secret to keep. */
    private static KeyPair derive(SecretKey key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return new SigningSeed(mac.doFinal("govlife notice signing key v1".getBytes(StandardCharsets.UTF_8)))
                    .keyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot derive the notice signing key", e);
        }
    }
}
