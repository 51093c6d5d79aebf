package io.govlife.saga.notices;

import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * The capability to acknowledge a notice: an HMAC of (gov, notice, integrator) under a server key, sent to the
 * integrator inside the signed notice body and nowhere else. Notice ids are listed to operators and travel in
 * headers, so they cannot be the secret; the token is derived, not stored, so there is nothing to leak at rest.
 */
@Component
public record AckTokens(NoticeKeys keys) {

    public String issue(String gov, String noticeId, String integrator) {
        return token(keys.ackTokenKeys().get(0), gov, noticeId, integrator);
    }

    public boolean accepts(String gov, String noticeId, String integrator, String token) {
        if (token == null || token.isEmpty()) {
            return false;
        }
        byte[] presented = token.getBytes(StandardCharsets.UTF_8);
        boolean match = false;
        for (SecretKey key : keys.ackTokenKeys()) {
            // every key is tried, so the time taken does not say which one matched
            match |= MessageDigest.isEqual(presented,
                    token(key, gov, noticeId, integrator).getBytes(StandardCharsets.UTF_8));
        }
        return match;
    }

    private static String token(SecretKey key, String gov, String noticeId, String integrator) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            // names and ids never contain a newline, so the fields cannot run into each other
            byte[] digest = mac.doFinal(("ack\n" + gov + "\n" + noticeId + "\n" + integrator)
                    .getBytes(StandardCharsets.UTF_8));
            return "ack_" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
