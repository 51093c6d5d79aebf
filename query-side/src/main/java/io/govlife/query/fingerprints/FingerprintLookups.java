package io.govlife.query.fingerprints;

import io.govlife.query.fingerprints.FingerprintLookup.Change;
import io.govlife.query.fingerprints.FingerprintLookup.Match;
import io.govlife.query.fingerprints.FingerprintLookup.Status;
import io.govlife.query.fingerprints.FingerprintLookup.Superseded;
import io.govlife.query.fingerprints.FingerprintRepository.Run;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Answers a lookup from the runs of the fingerprint and, per gov, the revisions after the last one carrying it. */
@Component
class FingerprintLookups {

    /** A fingerprint as integrators hold it; upper case is accepted, as it is pasted from anywhere. */
    static final Pattern FINGERPRINT = Pattern.compile("^[0-9a-fA-F]{64}$");
    /** Enough for any gov's story since a root; a gov with more revisions since is told from its config and feed. */
    static final int CHANGES_MAX = 1000;

    private final FingerprintRepository repository;

    FingerprintLookups(FingerprintRepository repository) {
        this.repository = repository;
    }

    static boolean wellFormed(String fingerprint) {
        return fingerprint != null && FINGERPRINT.matcher(fingerprint).matches();
    }

    /** Empty when no gov ever published the fingerprint. */
    @Transactional(readOnly = true)
    Optional<FingerprintLookup> lookUp(String fingerprint) {
        String fp = fingerprint.toLowerCase(Locale.ROOT);
        Map<String, List<Run>> byMember = new LinkedHashMap<>();
        for (Run run : repository.runs(fp)) {
            byMember.computeIfAbsent(run.gov() + "\u0000" + run.kind() + "\u0000" + run.member(),
                    key -> new ArrayList<>()).add(run);
        }
        if (byMember.isEmpty()) {
            return Optional.empty();
        }
        List<Match> matches = new ArrayList<>();
        for (List<Run> runs : byMember.values()) {
            matches.add(match(runs));
        }
        return Optional.of(new FingerprintLookup(fp, matches));
    }

    private Match match(List<Run> runs) {
        Run first = runs.get(0);
        String gov = first.gov();
        List<Long> revisions = new ArrayList<>();
        long last = 0;
        for (Run run : runs) {
            for (long r = run.firstRevision(); r <= run.lastRevision(); r++) {
                revisions.add(r);
            }
            last = Math.max(last, run.lastRevision());
        }
        FingerprintRepository.Standing standing = repository.standing(gov)
                .orElse(new FingerprintRepository.Standing(last, null));
        long current = standing.revision();
        Instant retiredAt = standing.retiredAt();
        List<Change> since = last < current ? repository.changesAfter(gov, last, CHANGES_MAX) : List.of();
        Superseded supersededBy = since.isEmpty() ? null
                : new Superseded(since.get(0).revision(), since.get(0).publishedAt(), since.get(0).fingerprint());
        Status status = retiredAt != null ? Status.RETIRED : last == current ? Status.CURRENT : Status.SUPERSEDED;
        return new Match(gov, first.kind(), first.member().isEmpty() ? null : first.member(), revisions, status,
                supersededBy, retiredAt, since);
    }
}
