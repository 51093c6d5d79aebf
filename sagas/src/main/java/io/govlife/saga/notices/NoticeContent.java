package io.govlife.saga.notices;

import java.time.Instant;

/**
 * What a notice says, before it is addressed: the gov, the kind, the citizen where there is one, the GovConfig
 * fingerprints before and after, and the cutover instant where there is one.
 */
public record NoticeContent(String gov, NoticeKind kind, String citizen, String oldGovFingerprint,
                            String newGovFingerprint, Instant cutoverAt, Long revision) {
}
