package io.govlife.saga.notices;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who a bump's later notices go to: the gov's enabled integrators (asked of the directory) matched with what this
 * module's notices say each was told and acknowledged.
 */
class NoticeBookTest {

    private static final String GOV = "gov.one";

    private final JdbcTemplate jdbc = NoticeTables.fresh();
    private NoticeBook notices;

    @BeforeEach
    void toldOfBumps() {
        // zed-wallet, beta-wallet and acme-wallet are enabled; old-wallet was told of bump-1 but is no longer
        IntegratorDirectoryAnswers directory = new IntegratorDirectoryAnswers()
                .endpoint(GOV, "zed-wallet", "https://zed.example/h")
                .endpoint(GOV, "beta-wallet", "https://beta.example/h")
                .endpoint(GOV, "acme-wallet", "https://acme.example/h")
                .endpoint("gov.two", "beta-wallet", "https://beta.example/other");
        notices = new NoticeBook(jdbc, directory.queries(), Clock.systemUTC(), "https://gov.example");
        told("zed-wallet", "bump-1", false);
        told("beta-wallet", "bump-1", true);
        told("old-wallet", "bump-1", false);
        told("acme-wallet", "bump-2", true);
    }

    private void told(String integrator, String bump, boolean acknowledged) {
        jdbc.update("insert into notice (id, source, gov, integrator, target_url, kind, citizen, bump, body, "
                        + "created_at, status, attempts, retry_since, acknowledged_at) values (?, ?, ?, ?, "
                        + "'https://x.example/h', 'BUMP_SCHEDULED', 'base', ?, '{}', current_timestamp, "
                        + "'DELIVERED', 1, current_timestamp, " + (acknowledged ? "current_timestamp" : "null") + ")",
                "msg_" + integrator + "_" + bump, "scheduled/" + bump + "/" + integrator, GOV, integrator, bump);
    }

    private static NoticeContent content(NoticeKind kind) {
        return new NoticeContent(GOV, kind, "base", null, null, Instant.parse("2026-11-26T12:00:00Z"), 1L);
    }

    /** The notices of that kind went exactly to these integrators' webhooks ("integrator url", by name). */
    private void assertSentTo(NoticeKind kind, String... integratorsAndUrls) {
        assertThat(jdbc.queryForList("select integrator || ' ' || target_url from notice where kind = ? "
                + "order by integrator", String.class, kind.name())).containsExactly(integratorsAndUrls);
    }

    @Test
    void the_unacknowledged_are_the_enabled_integrators_that_acknowledged_no_notice_of_the_bump_by_name() {
        assertThat(notices.unacknowledged(GOV, "bump-1")).extracting(i -> i.integrator().value())
                .containsExactly("acme-wallet", "zed-wallet");
        assertThat(notices.unacknowledged(GOV, "bump-2")).extracting(i -> i.integrator().value())
                .containsExactly("beta-wallet", "zed-wallet");
        assertThat(notices.unacknowledged("gov.three", "bump-1")).isEmpty();
    }

    @Test
    void a_reminder_goes_to_the_unacknowledged_at_their_webhooks() {
        notices.remindUnacknowledged("bump-1/reminder", content(NoticeKind.BUMP_REMINDER), "bump-1");
        assertSentTo(NoticeKind.BUMP_REMINDER, "acme-wallet https://acme.example/h",
                "zed-wallet https://zed.example/h");
    }

    @Test
    void a_notice_to_those_told_of_the_bump_goes_to_the_enabled_ones_told_only() {
        notices.notifyToldOf("blocked-1", content(NoticeKind.BUMP_BLOCKED), "bump-1");
        notices.notifyToldOf("blocked-3", content(NoticeKind.BUMP_BLOCKED), "bump-3");
        assertSentTo(NoticeKind.BUMP_BLOCKED, "beta-wallet https://beta.example/h", "zed-wallet https://zed.example/h");
    }

    @Test
    void a_notice_to_all_integrators_goes_to_each_enabled_one_of_the_gov() {
        notices.notifyIntegrators("revised-1", content(NoticeKind.BUMP_REVISED), "bump-1");
        assertSentTo(NoticeKind.BUMP_REVISED, "acme-wallet https://acme.example/h",
                "beta-wallet https://beta.example/h", "zed-wallet https://zed.example/h");
    }
}
