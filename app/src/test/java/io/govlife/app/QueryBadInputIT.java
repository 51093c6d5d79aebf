package io.govlife.app;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Queries with unknown names, unknown revisions, bad instants or bad paging answer problem+json, never 500. */
class QueryBadInputIT extends LiveApplication {

    @ParameterizedTest(name = "{0} → {1} on {2}")
    @CsvSource({
            "/api/govs/no.such.gov, 404, gov",
            "/api/govs/no.such.gov/history, 404, gov",
            "/api/govs/no.such.gov/changelog, 404, gov",
            "/api/govs/no.such.gov/feed, 404, gov",
            "/govs/no.such.gov, 404, gov",
            "/api/govs/no.such.gov/config, 404, gov",
            "/api/govs/{gov}/config?revision=99, 404, revision",
            "/api/govs/{gov}/config?revision=abc, 400, revision",
            "/api/govs/{gov}/config?asOf=yesterday, 400, asOf",
            "/api/govs/{gov}/config?asOf=2000-01-01T00:00:00Z, 404, asOf",
            "/api/govs/{gov}/config?revision=1&asOf=2000-01-01T00:00:00Z, 400, revision",
            "/api/govs/{gov}/revisions/1/diff/99, 404, b",
            "/api/govs/{gov}/revisions/x/diff/1, 400, a",
            "/api/govs/{gov}/history?page=-1, 400, page",
            "/api/govs/{gov}/history?size=0, 400, size",
            "/api/govs/{gov}/history?size=100000, 400, size",
            "/api/govs/{gov}/history?size=ten, 400, size",
            "/api/govs/{gov}/history?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z, 400, from",
            "/api/govs/{gov}/history?from=monday, 400, from",
            "/api/govs?status=LIVE, 400, status",
            "/api/govs?page=-3, 400, page",
            "/api/govs?pendingCutovers=maybe, 400, pendingCutovers",
            "/api/govs?name=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa, 400, name",
            "/api/reports/bumps?gov=no.such.gov, 404, gov",
            "/api/reports/publications, 400, gov",
            "/api/reports/composition?gov=no.such.gov, 404, gov",
            "/api/govs/{gov}/notices?size=500, 400, size",
            "/api/govs/{gov}/notices?page=-1, 400, page",
            "/api/govs/{gov}/notices?citizen=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa, 400, citizen",
            "/api/admin/projections/sagas/replay, 404, name",
            "/api/admin/notices?status=LOST, 400, status",
            "/api/admin/notices?size=201, 400, size",
            "/api/admin/notices?page=-1, 400, page"
    })
    void refused_with_a_problem(String path, int status, String field) {
        String gov = govWithTwoLattices();
        api.post("/api/govs/" + gov + "/publications", "{}");
        awaitProjections();
        String resolved = path.replace("{gov}", gov);
        BadInputIT.assertProblem(path.endsWith("/replay") ? api.asAdmin("POST", resolved, null)
                : path.startsWith("/api/admin/") ? api.asAdmin("GET", resolved, null)
                : api.send("GET", resolved, null), status, field);
    }
}
