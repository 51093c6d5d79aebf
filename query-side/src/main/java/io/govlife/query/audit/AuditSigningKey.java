package io.govlife.query.audit;

import io.govlife.events.SigningSeed;
import io.govlife.query.QuerySideProperties;
import org.apache.commons.codec.binary.Hex;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.Signature;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.util.Base64;
import java.util.Map;

/**
 * The Ed25519 key that signs the checkpoint ending every audit export, so that a file rewritten with recomputed hashes
 * no longer verifies: only the service can sign. Made from a 32-byte seed — {@code govlife.audit.signing-key}
 * (base64), or, when that is blank, {@code audit-signing.key} in the data directory, drawn on first start — so every
 * node configured with one seed signs alike. Its public half is published at {@code GET /api/audit/key}.
 */
@RestController
class AuditSigningKey {

    static final String FILE = "audit-signing.key";

    private final KeyPair pair;
    private final String publicKey;
    private final String keyId;
    private final SecretKeySpec sealKey;

    @Autowired
    AuditSigningKey(QuerySideProperties settings) {
        this(seed(settings));
    }

    AuditSigningKey(byte[] seed) {
        this.pair = new SigningSeed(seed).keyPair();
        this.sealKey = new SecretKeySpec(hmac(new SecretKeySpec(seed, "HmacSHA256"), "govlife audit seal v1"),
                "HmacSHA256");
        this.publicKey = AuditChain.rawPublicKey(pair.getPublic());
        this.keyId = AuditChain.keyId(pair.getPublic());
    }

    @GetMapping("/api/audit/key")
    Map<String, String> published() {
        return Map.of("algorithm", "Ed25519", "keyId", keyId, "publicKey", publicKey,
                "use", "verifies the checkpoint signature ending an audit export: java -jar govlife.jar verify-audit "
                        + "FILE --key " + publicKey);
    }

    String keyId() {
        return keyId;
    }

    String sign(String checkpoint) {
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initSign(pair.getPrivate());
            ed25519.update(checkpoint.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ed25519.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 unavailable", e);
        }
    }

    /**
     * An event's seal: its audit line hash under a key only the service holds, so whoever can rewrite an event row
     * in the database cannot write the seal that would match it.
     */
    String seal(String lineHash) {
        return Hex.encodeHexString(hmac(sealKey, lineHash));
    }

    private static byte[] hmac(SecretKeySpec key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static byte[] seed(QuerySideProperties settings) {
        String configured = settings.audit().signingKey();
        if (!configured.isBlank()) {
            return decode(configured, "govlife.audit.signing-key");
        }
        Path file = settings.dataDir().resolve(FILE);
        try {
            if (!Files.exists(file)) {
                draw(file);
            }
            return decode(Files.readString(file).trim(), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or make the audit signing key " + file, e);
        }
    }

    /** Readable by the service's user only; two starts racing on one data directory keep the first seed. */
    private static void draw(Path file) throws IOException {
        byte[] drawn = new byte[32];
        new SecureRandom().nextBytes(drawn);
        Files.createDirectories(file.getParent());
        Path partial = Files.createTempFile(file.getParent(), FILE, ".new");
        try {
            if (partial.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(partial, Base64.getEncoder().encodeToString(drawn) + "\n");
            Files.createLink(file, partial);
        } catch (FileAlreadyExistsException another) {
            // another start drew first: its seed stands
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static byte[] decode(String text, String where) {
        byte[] seed;
        try {
            seed = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException notBase64) {
            seed = new byte[0];
        }
        if (seed.length != 32) {
            throw new IllegalStateException(where + " must be base64 of 32 bytes (e.g. openssl rand -base64 32)");
        }
        return seed;
    }
}
