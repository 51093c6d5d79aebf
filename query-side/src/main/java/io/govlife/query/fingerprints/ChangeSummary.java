package io.govlife.query.fingerprints;

import io.govlife.events.gov.GovConfig;
import io.govlife.query.support.GovConfigDiff;

import java.util.List;

/**
 * What a revision changed, in a line an integrator reads at a glance: the changelog's lines for it, the first few in
 * full and a count of the rest, so a revision naming a thousand citizens does not become a thousand-line answer.
 */
final class ChangeSummary {

    static final int LINES = 5;
    static final int MAX_LENGTH = 2000;

    private ChangeSummary() {
    }

    static String of(GovConfig before, GovConfig after, boolean metadataOnly) {
        List<String> lines = GovConfigDiff.between(before, after).lines();
        StringBuilder what = new StringBuilder();
        if (before == null) {
            what.append("first revision: ");
        } else if (metadataOnly) {
            what.append("metadata only, same gov root (no recompile needed)").append(lines.isEmpty() ? "" : ": ");
        }
        if (lines.isEmpty() && !metadataOnly) {
            what.append("no change of members");
        }
        what.append(String.join("; ", lines.subList(0, Math.min(LINES, lines.size()))));
        if (lines.size() > LINES) {
            what.append("; and ").append(lines.size() - LINES).append(" more");
        }
        return what.length() <= MAX_LENGTH ? what.toString() : what.substring(0, MAX_LENGTH - 1) + "…";
    }
}
