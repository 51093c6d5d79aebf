package io.govlife.query.fingerprints;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.govlife.query.QuerySideProperties;
import io.govlife.query.support.PublicAnswers;
import org.springframework.stereotype.Component;
import org.springframework.util.DigestUtils;

import java.util.Locale;
import java.util.Optional;

/**
 * Lookups as served: the JSON written and its entity tag taken once per publication instead of per request. Any
 * publication or retirement can change any lookup's answer (a fingerprint its gov carried becomes superseded), and
 * both are rare beside the polling: every answer goes when one happens.
 */
@Component
class FingerprintAnswers {

    /** Fingerprints integrators hold; a handful per gov. */
    private static final int MAX_FINGERPRINTS = 50_000;

    private final FingerprintLookups lookups;
    private final ObjectMapper json;
    private final PublicAnswers<String, Served> answers;

    FingerprintAnswers(FingerprintLookups lookups, ObjectMapper json, QuerySideProperties properties) {
        this.lookups = lookups;
        this.json = json;
        this.answers = new PublicAnswers<>(properties.publicReads().recheck(), MAX_FINGERPRINTS);
    }

    /** The answer's JSON as the API writes it, and its entity tag. */
    record Served(byte[] body, String etag) {
    }

    /** Empty when no gov ever published the fingerprint; {@code fingerprint} is well formed. */
    Optional<Served> lookUp(String fingerprint) {
        return answers.get(fingerprint.toLowerCase(Locale.ROOT), fp -> lookups.lookUp(fp).map(this::served));
    }

    /** A gov published or retired: any lookup may answer otherwise once this unit of work commits. */
    void changed() {
        answers.changedAll();
    }

    private Served served(FingerprintLookup answer) {
        try {
            byte[] body = json.writeValueAsBytes(answer);
            return new Served(body, "\"" + DigestUtils.md5DigestAsHex(body) + "\"");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the lookup of " + answer.fingerprint(), e);
        }
    }
}
