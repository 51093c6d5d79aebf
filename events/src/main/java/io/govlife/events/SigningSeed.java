package io.govlife.events;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.NamedParameterSpec;

/**
 * The 32 bytes an Ed25519 key pair is drawn from. The audit export and the notices are signed with such pairs, and
 * auditors and integrators keep the public halves: the same seed must give the same pair on every node and start.
 */
public final class SigningSeed {

    private final byte[] bytes;

    public SigningSeed(byte[] bytes) {
        if (bytes.length != 32) {
            throw new IllegalArgumentException("an Ed25519 seed has 32 bytes, not " + bytes.length);
        }
        this.bytes = bytes.clone();
    }

    /** The JDK makes an Ed25519 private key from the 32 bytes it draws: drawing the seed makes it reproducible. */
    public KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
                @Override
                public void nextBytes(byte[] drawn) {
                    System.arraycopy(bytes, 0, drawn, 0, Math.min(bytes.length, drawn.length));
                }
            });
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 unavailable", e);
        }
    }
}
