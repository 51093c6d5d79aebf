package io.govlife.events.gov;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.apache.commons.codec.binary.Hex;

import java.util.regex.Pattern;

/**
 * 32 bytes written as 64 lowercase hex characters. Citizens publish their own; the gov only records them.
 */
public record Fingerprint(String hex) {

    public static final String PATTERN = "^[0-9a-f]{64}$";
    public static final String RULE = "64 lowercase hex characters (32 bytes)";
    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    public Fingerprint {
        if (hex == null || !COMPILED.matcher(hex).matches()) {
            throw new IllegalArgumentException("fingerprint must be " + RULE);
        }
    }

    @JsonCreator
    public static Fingerprint of(String hex) {
        return new Fingerprint(hex);
    }

    public static Fingerprint of(byte[] bytes) {
        if (bytes.length != 32) {
            throw new IllegalArgumentException("fingerprint must be 32 bytes, got " + bytes.length);
        }
        return new Fingerprint(Hex.encodeHexString(bytes));
    }

    public byte[] bytes() {
        try {
            return Hex.decodeHex(hex);
        } catch (org.apache.commons.codec.DecoderException e) {
            throw new IllegalStateException("unreachable: pattern guarantees hex", e);
        }
    }

    @JsonValue
    @Override
    public String hex() {
        return hex;
    }

    @Override
    public String toString() {
        return hex;
    }
}
