package io.govlife.saga.notices;

import java.time.Instant;
import java.util.List;

/**
 * What a notice says, before it is addressed: the gov, the kind, the citizen where there is one, the GovConfig
 * fingerprints before and after, and the cutover instant where there is one. A bump's notices also name the
 * fingerprint the citizen moves to ({@code citizenFingerprint}); a blocked cutover's name the confluences it awaits.
 */
public record NoticeContent(String gov, NoticeKind kind, String citizen, String oldGovFingerprint,
                            String newGovFingerprint, Instant cutoverAt, Long revision, String citizenFingerprint,
                            List<String> awaiting) {

    public NoticeContent {
        awaiting = awaiting == null ? null : List.copyOf(awaiting);
    }

    /** A notice that is not about a bump. */
    public NoticeContent(String gov, NoticeKind kind, String citizen, String oldGovFingerprint,
                         String newGovFingerprint, Instant cutoverAt, Long revision) {
        this(gov, kind, citizen, oldGovFingerprint, newGovFingerprint, cutoverAt, revision, null, null);
    }
}
