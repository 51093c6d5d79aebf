package io.govlife.app.secrets;

import io.govlife.command.gov.SecretSealer;
import io.govlife.events.Name;
import io.govlife.saga.notices.NoticeKeys;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Integrators' signing secrets at rest: AES-256-GCM under the service's key, stored as
 * {@code enc:v1:<key id>:<base64 of 12-byte nonce, ciphertext and tag>}. The version says how to read the rest, the
 * key id which key sealed it (so a rotated-out key still opens old rows until they are re-sealed), and the gov and
 * integrator are authenticated with it, so a sealed value moved to another integrator's row does not open.
 * The one place the format is written down: the command side seals through {@link SecretSealer}, notice delivery
 * opens through {@link NoticeKeys}.
 */
public final class SealedSecrets implements SecretSealer, NoticeKeys {

    static final String PREFIX = "enc:v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretsKeyring keys;
    private final List<SecretKey> ackTokenKeys;

    public SealedSecrets(SecretsKeyring keys) {
        this.keys = keys;
        this.ackTokenKeys = keys.all().stream().map(SealedSecrets::ackTokenKey).toList();
    }

    @Override
    public String seal(String secret, Name gov, Name integrator) {
        return seal(secret, gov.value(), integrator.value());
    }

    String seal(String secret, String gov, String integrator) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.current(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context(gov, integrator));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return PREFIX + keys.currentId() + ":" + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    @Override
    public String openSigningSecret(String sealed, String gov, String integrator) {
        if (!isSealed(sealed)) {
            throw new IllegalStateException("the integrator's secret is stored in clear; the start-up re-seal did "
                    + "not run");
        }
        String rest = sealed.substring(PREFIX.length());
        int colon = rest.indexOf(':');
        SecretKey key = colon < 0 ? null : keys.byId(rest.substring(0, colon));
        if (key == null) {
            throw new IllegalStateException("the integrator's secret was sealed with a key not configured here "
                    + "(govlife.secrets.key / previous-keys)");
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(rest.substring(colon + 1));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(context(gov, integrator));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException | IllegalArgumentException tampered) {
            throw new IllegalStateException("the integrator's sealed secret does not open: altered, or not this "
                    + "integrator's");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /**
     * A stored answer that carries a secret (a token, a signing secret), kept for an idempotent retry: sealed like a
     * signing secret and bound to the operator and key it answers, so the table holds nothing usable.
     */
    public String sealStoredAnswer(String body, String operator, String idempotencyKey) {
        return seal(body, "idempotent-answer:" + operator, idempotencyKey);
    }

    public String openStoredAnswer(String sealed, String operator, String idempotencyKey) {
        return openSigningSecret(sealed, "idempotent-answer:" + operator, idempotencyKey);
    }

    @Override
    public List<SecretKey> ackTokenKeys() {
        return ackTokenKeys;
    }

    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    /** Whether the current key sealed this; otherwise the start-up re-seal moves it to the current key. */
    boolean sealedWithCurrentKey(String stored) {
        return isSealed(stored) && stored.startsWith(PREFIX + keys.currentId() + ":");
    }

    private static byte[] context(String gov, String integrator) {
        return ("integrator_secret\n" + gov + "\n" + integrator).getBytes(StandardCharsets.UTF_8);
    }

    /** One key, two uses kept apart: ack tokens are MACs under a key derived for them alone. */
    private static SecretKey ackTokenKey(SecretKey key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            byte[] derived = mac.doFinal("govlife ack-token key v1".getBytes(StandardCharsets.UTF_8));
            SecretKey ackKey = new SecretKeySpec(derived, "HmacSHA256");
            Arrays.fill(derived, (byte) 0);
            return ackKey;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
