package io.govlife.saga.notices;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a notice says, before it is addressed: the gov, the kind, the citizen where there is one, the GovConfig
 * fingerprints before and after, and the cutover instant where there is one. A bump's notices also name the
 * fingerprint the citizen moves to ({@code citizenFingerprint}) and how urgent the bump is; a blocked cutover's name
 * the confluences it awaits; a publication's say whether integrators must recompile and where to read how to bind to
 * what it shipped.
 */
public record NoticeContent(String gov, NoticeKind kind, String citizen, String oldGovFingerprint,
                            String newGovFingerprint, Instant cutoverAt, Long revision, String citizenFingerprint,
                            List<String> awaiting, Publication publication, Urgency urgency) {

    public NoticeContent {
        awaiting = awaiting == null ? null : List.copyOf(awaiting);
    }

    /** A notice that is not about a bump. */
    public NoticeContent(String gov, NoticeKind kind, String citizen, String oldGovFingerprint,
                         String newGovFingerprint, Instant cutoverAt, Long revision) {
        this(gov, kind, citizen, oldGovFingerprint, newGovFingerprint, cutoverAt, revision, null, null);
    }

    public NoticeContent(String gov, NoticeKind kind, String citizen, String oldGovFingerprint,
                         String newGovFingerprint, Instant cutoverAt, Long revision, String citizenFingerprint,
                         List<String> awaiting) {
        this(gov, kind, citizen, oldGovFingerprint, newGovFingerprint, cutoverAt, revision, citizenFingerprint,
                awaiting, null, null);
    }

    public NoticeContent with(Publication what) {
        return new NoticeContent(gov, kind, citizen, oldGovFingerprint, newGovFingerprint, cutoverAt, revision,
                citizenFingerprint, awaiting, what, urgency);
    }

    public NoticeContent with(Urgency how) {
        return new NoticeContent(gov, kind, citizen, oldGovFingerprint, newGovFingerprint, cutoverAt, revision,
                citizenFingerprint, awaiting, publication, how);
    }

    /** Where integrators read how to bind to a service or confluence. */
    public record Doc(String name, String url) {
    }

    /**
     * {@code metadataOnly}: the gov root did not move, so nothing need be recompiled; {@code docs}: the docs of every
     * service and confluence this publication shipped, commissioned or upgraded.
     */
    public record Publication(boolean metadataOnly, List<Doc> docs) {
        public Publication {
            docs = docs == null ? List.of() : List.copyOf(docs);
        }
    }

    /**
     * A bump announced inside the minimum notice, or after its cutover had passed ({@code lateBy}, a catch-up):
     * integrators have less time than the gov promises, or none, so the notice says so.
     */
    public record Urgency(boolean shortNotice, Duration lateBy) {

        public boolean catchUp() {
            return lateBy != null;
        }

        public boolean urgent() {
            return shortNotice || catchUp();
        }
    }
}
