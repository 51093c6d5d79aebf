package io.govlife.query.fingerprints;

import io.govlife.query.support.QueryProblems;
import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The lookup, shared by the JSON answer and the HTML page. */
@Component
class FingerprintLookups {

    private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-fA-F]{64}");

    private final FingerprintRepository repository;

    FingerprintLookups(FingerprintRepository repository) {
        this.repository = repository;
    }

    Optional<FingerprintLookup> find(String fingerprint) {
        List<FingerprintLookup.Match> matches = Matches.of(repository.runs(fingerprint), repository::changesAfter);
        return matches.isEmpty() ? Optional.empty() : Optional.of(new FingerprintLookup(fingerprint, matches));
    }

    /**
     * The fingerprint in its canonical lowercase form. Upper case is taken, since people paste fingerprints from
     * anywhere; anything that is not 32 bytes of hex is refused naming the field.
     */
    static String valid(String field, String fingerprint) {
        if (fingerprint == null || !FINGERPRINT.matcher(fingerprint).matches()) {
            throw QueryProblems.badRequest(field, "must be 64 hexadecimal characters (a 32-byte fingerprint)");
        }
        return fingerprint.toLowerCase(Locale.ROOT);
    }

    /**
     * Everything in an answer but where each matched gov stands now is history that never changes, so the answer
     * changes only when one of them publishes or retires.
     */
    static String etag(FingerprintLookup lookup) {
        String state = lookup.matches().stream()
                .map(m -> m.gov() + "@" + m.currentRevision() + (m.retiredAt() == null ? "" : "/retired"))
                .distinct().collect(Collectors.joining(","));
        return "\"" + DigestUtils.sha256Hex(lookup.fingerprint() + "|" + state).substring(0, 32) + "\"";
    }
}
