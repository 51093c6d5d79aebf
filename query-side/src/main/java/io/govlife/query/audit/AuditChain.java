package io.govlife.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.codec.binary.Hex;
import org.apache.commons.codec.digest.Blake3;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The hash chain of an audit export, like the Chronicle service's: every line carries, in {@code prev}, the BLAKE3
 * hash of the exact bytes of the line before it (64 zeros for the first), and a last {@code end} line carries the
 * hash of the last event line and the count. Altering, removing, adding or reordering any line breaks the chain at
 * a line that {@link #verify} names.
 */
public final class AuditChain {

    public static final String GENESIS = "0".repeat(64);
    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditChain() {
    }

    public static String hash(String line) {
        return Hex.encodeHexString(Blake3.hash(line.getBytes(StandardCharsets.UTF_8)));
    }

    /** What verification found: {@code ok}, or the first broken line (1-based) and why. */
    public record Verdict(boolean ok, int line, String problem, int events) {

        @Override
        public String toString() {
            return ok ? "OK: " + events + " events, chain intact"
                    : "BROKEN at line " + line + ": " + problem;
        }
    }

    public static Verdict verify(List<String> lines) {
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
                return new Verdict(true, 0, null, i);
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

    private static String brokenLink(JsonNode line, long previousSequence, int number) {
        long sequence = line.path("sequence").asLong(-1);
        if (!line.path("end").asBoolean(false) && sequence != previousSequence + 1) {
            return "sequence " + sequence + " follows " + previousSequence + " (removed or reordered)";
        }
        return number == 1 ? "the first line does not start the chain (altered)"
                : "line " + (number - 1) + " was altered (its hash is not the one recorded here)";
    }
}
