package io.govlife.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.codec.binary.Hex;
import org.apache.commons.codec.digest.Blake3;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The hash chain of an audit export, like the Chronicle service's: every line carries, in {@code prev}, the BLAKE3
 * hash of the exact bytes of the line before it (64 zeros for the first), and a last {@code end} line carries the
 * hash of the last event line and the count. Altering, removing, adding or reordering any line breaks the chain at
 * a line that {@link #verify} names.
 * <p>
 * The end line is also a signed checkpoint, as a transparency log's: its {@code checkpoint} (origin, size, root — the
 * hash of the last event line) signed by the service's Ed25519 key ({@code keyId}, {@code signature}). Whoever
 * rewrites a file and recomputes every hash cannot sign the new root, so verified with the published key the file
 * fails at its end line.
 */
public final class AuditChain {

    public static final String GENESIS = "0".repeat(64);
    /** The X.509 prefix of a raw 32-byte Ed25519 public key (RFC 8410). */
    private static final byte[] X509_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditChain() {
    }

    public static String hash(String line) {
        return Hex.encodeHexString(Blake3.hash(line.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * What verification found: {@code ok}, or the first broken line (1-based) and why; with a key, the checkpoint's
     * origin and how many of the events were sealed at their append (null without a key: nothing vouches for them).
     */
    public record Verdict(boolean ok, int line, String problem, int events, String origin, Long sealed) {

        Verdict(boolean ok, int line, String problem, int events) {
            this(ok, line, problem, events, null, null);
        }

        @Override
        public String toString() {
            if (!ok) {
                return "BROKEN at line " + line + ": " + problem;
            }
            return "OK: " + events + " events, chain intact" + (origin == null ? ""
                    : ", checkpoint of " + origin + " (" + sealed + " of " + events + " events sealed at their append)");
        }
    }

    /**
     * The text a checkpoint signs: origin, size and root, one per line (the body of a C2SP signed note), and, when
     * the export found an event whose row no longer matches what was sealed at its append, an extension line naming it.
     */
    public static String checkpoint(String origin, long size, String root, long sealed, Long altered) {
        return origin + "\n" + size + "\n" + root + "\n" + "sealed " + sealed + "\n"
                + (altered == null ? "" : "altered " + altered + "\n");
    }

    /** The raw 32-byte Ed25519 public key in base64, as published and as {@code verify-audit --key} takes it. */
    public static String rawPublicKey(PublicKey key) {
        byte[] encoded = key.getEncoded();
        return Base64.getEncoder().encodeToString(Arrays.copyOfRange(encoded, X509_PREFIX.length, encoded.length));
    }

    /** A short name of a public key: the first 16 hex digits of the SHA-256 of its raw bytes. */
    public static String keyId(PublicKey key) {
        try {
            byte[] raw = Base64.getDecoder().decode(rawPublicKey(key));
            return Hex.encodeHexString(MessageDigest.getInstance("SHA-256").digest(raw)).substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** @throws IllegalArgumentException when the text is not base64 of a raw 32-byte Ed25519 public key */
    public static PublicKey publicKey(String raw) {
        try {
            byte[] key = Base64.getDecoder().decode(raw.trim());
            if (key.length != 32) {
                throw new IllegalArgumentException("an Ed25519 public key is 32 bytes, not " + key.length);
            }
            byte[] x509 = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + key.length);
            System.arraycopy(key, 0, x509, X509_PREFIX.length, key.length);
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + e.getMessage(), e);
        }
    }

    /** The chain only: whether the file is whole and in order, not who made it. */
    public static Verdict verify(List<String> lines) {
        return verify(lines, null);
    }

    /** The chain, and — given the service's public key — the signed checkpoint at its end. */
    public static Verdict verify(List<String> lines, PublicKey key) {
        String previousHash = GENESIS;
        long previousSequence = -1;
        for (int i = 0; i < lines.size(); i++) {
            int number = i + 1;
            JsonNode line;
            try {
                line = JSON.readTree(lines.get(i));
            } catch (Exception unreadable) {
                return new Verdict(false, number, "not a JSON line (altered)", i);
            }
            if (line == null || !line.path("prev").isTextual()) {
                return new Verdict(false, number, "no prev hash (altered)", i);
            }
            if (!line.path("prev").asText().equals(previousHash)) {
                return new Verdict(false, number, brokenLink(line, previousSequence, number), i);
            }
            if (line.path("end").asBoolean(false)) {
                if (line.path("events").asLong(-1) != i) {
                    return new Verdict(false, number, "the end line counts " + line.path("events").asLong()
                            + " events, the file has " + i + " (lines added or removed)", i);
                }
                if (number != lines.size()) {
                    return new Verdict(false, number + 1, "lines after the end line", i);
                }
                return atTheEnd(line, number, previousHash, i, key);
            }
            long sequence = line.path("sequence").asLong(-1);
            if (sequence != previousSequence + 1) {
                return new Verdict(false, number, "sequence " + sequence + " follows " + previousSequence
                        + " (removed or reordered)", i);
            }
            previousSequence = sequence;
            previousHash = hash(lines.get(i));
        }
        return new Verdict(false, lines.size() + 1, "no end line (the export was cut short)", lines.size());
    }

    /** The end line of an intact chain: its checkpoint, signed when a key is given, and what it says was altered. */
    private static Verdict atTheEnd(JsonNode end, int number, String root, int events, PublicKey key) {
        JsonNode checkpoint = end.path("checkpoint");
        JsonNode altered = checkpoint.path("altered");
        JsonNode sealed = checkpoint.path("sealed");
        if ((!altered.isMissingNode() && !altered.isIntegralNumber())
                || (!sealed.isMissingNode() && !sealed.isIntegralNumber())) {
            return new Verdict(false, number, "the checkpoint's sealed or altered is not a count (altered)", events);
        }
        if (key != null) {
            String unsigned = checkpointProblem(end, root, events, key);
            if (unsigned != null) {
                return new Verdict(false, number, unsigned, events);
            }
        }
        if (altered.isIntegralNumber()) {
            long sequence = altered.asLong();
            return new Verdict(false, (int) Math.min(sequence + 1, number), "event " + sequence + " was altered or "
                    + "removed in the database after it was appended (it no longer matches what was sealed then)",
                    events);
        }
        return key == null ? new Verdict(true, 0, null, events)
                : new Verdict(true, 0, null, events, checkpoint.path("origin").asText(), sealed.asLong());
    }

    /** Null when the end line's checkpoint covers this chain and bears the key's signature; else what is wrong. */
    private static String checkpointProblem(JsonNode end, String root, int events, PublicKey key) {
        JsonNode checkpoint = end.path("checkpoint");
        if (!checkpoint.isObject() || !end.path("signature").isTextual()
                || !checkpoint.path("sealed").isIntegralNumber()) {
            return "the end line carries no signed checkpoint";
        }
        if (checkpoint.path("size").asLong(-1) != events || !checkpoint.path("root").asText().equals(root)
                || !checkpoint.path("origin").asText().endsWith("/govs/" + end.path("gov").asText())) {
            return "the checkpoint does not cover this chain (size " + checkpoint.path("size").asText() + ", root "
                    + checkpoint.path("root").asText() + ", origin " + checkpoint.path("origin").asText() + ")";
        }
        if (!keyId(key).equals(end.path("keyId").asText())) {
            return "signed by key " + end.path("keyId").asText() + ", not by the given key " + keyId(key);
        }
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify(key);
            Long altered = checkpoint.path("altered").isIntegralNumber() ? checkpoint.path("altered").asLong() : null;
            ed25519.update(checkpoint(checkpoint.path("origin").asText(), events, root,
                    checkpoint.path("sealed").asLong(), altered).getBytes(StandardCharsets.UTF_8));
            if (ed25519.verify(Base64.getDecoder().decode(end.path("signature").asText()))) {
                return null;
            }
        } catch (GeneralSecurityException | IllegalArgumentException unverifiable) {
            return "the checkpoint signature is unreadable (altered)";
        }
        return "the checkpoint signature does not match (the file was rewritten and its hashes recomputed)";
    }

    private static String brokenLink(JsonNode line, long previousSequence, int number) {
        long sequence = line.path("sequence").asLong(-1);
        if (!line.path("end").asBoolean(false) && sequence != previousSequence + 1) {
            return "sequence " + sequence + " follows " + previousSequence + " (removed or reordered)";
        }
        return number == 1 ? "the first line does not start the chain (altered)"
                : "line " + (number - 1) + " was altered (its hash is not the one recorded here)";
    }
}
