package io.govlife.query.fingerprints;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** Turns the rows the lookup read into its answer: pure, so its rules are tested without a database. */
final class Matches {

    private Matches() {
    }

    /**
     * A run of revisions of one gov carrying the fingerprint, read with where that gov stands now.
     * {@code lastRevision} is null while the gov's latest revision ({@code govRevision}) still carries it.
     */
    record Run(String gov, String citizen, String kind, long firstRevision, Long lastRevision,
               String nextFingerprint, long govRevision, String govFingerprint, Instant retiredAt) {

        long carriedUntil() {
            return lastRevision == null ? govRevision : lastRevision;
        }

        boolean current() {
            return lastRevision == null;
        }
    }

    /**
     * The matches, one per gov and citizen, from its runs in the order read (gov, citizen, first revision).
     * {@code changesAfter} answers a gov's revisions after a number, oldest first; it is asked once per gov, from
     * the earliest revision any of that gov's matches needs.
     */
    static List<FingerprintLookup.Match> of(List<Run> runs,
                                            BiFunction<String, Long, List<FingerprintLookup.Change>> changesAfter) {
        Map<String, Map<String, List<Run>>> byGov = new LinkedHashMap<>();
        for (Run run : runs) {
            byGov.computeIfAbsent(run.gov(), g -> new LinkedHashMap<>())
                    .computeIfAbsent(run.citizen(), c -> new ArrayList<>()).add(run);
        }
        List<FingerprintLookup.Match> matches = new ArrayList<>();
        byGov.forEach((gov, byCitizen) -> {
            long since = byCitizen.values().stream().map(Matches::latest).filter(run -> !run.current())
                    .mapToLong(Run::carriedUntil).min().orElse(Long.MAX_VALUE);
            List<FingerprintLookup.Change> changes = since == Long.MAX_VALUE ? List.of()
                    : changesAfter.apply(gov, since);
            byCitizen.values().forEach(citizenRuns -> matches.add(match(citizenRuns, changes)));
        });
        return matches;
    }

    private static FingerprintLookup.Match match(List<Run> runs, List<FingerprintLookup.Change> changesOfGov) {
        Run latest = latest(runs);
        boolean root = Carried.ROOT.equals(latest.citizen());
        List<FingerprintLookup.Change> since = changesOfGov.stream()
                .filter(change -> change.revision() > latest.carriedUntil()).toList();
        FingerprintLookup.Status status = latest.retiredAt() != null ? FingerprintLookup.Status.RETIRED
                : latest.current() ? FingerprintLookup.Status.CURRENT : FingerprintLookup.Status.SUPERSEDED;
        FingerprintLookup.Superseded supersededBy = latest.current() || since.isEmpty() ? null
                : superseded(since.get(0), root ? null : latest.nextFingerprint());
        return new FingerprintLookup.Match(latest.gov(),
                root ? FingerprintLookup.Kind.GOV_ROOT : FingerprintLookup.Kind.CITIZEN,
                root ? null : latest.citizen(), root ? null : latest.kind(),
                runs.stream().map(run -> new FingerprintLookup.Revisions(run.firstRevision(), run.carriedUntil()))
                        .toList(),
                status, supersededBy, latest.retiredAt(), latest.govRevision(), latest.govFingerprint(),
                latest.current() ? List.of() : since);
    }

    private static FingerprintLookup.Superseded superseded(FingerprintLookup.Change next, String citizenFingerprint) {
        return new FingerprintLookup.Superseded(next.revision(), next.publishedAt(), next.fingerprint(),
                citizenFingerprint);
    }

    private static Run latest(List<Run> runs) {
        return runs.get(runs.size() - 1);
    }
}
