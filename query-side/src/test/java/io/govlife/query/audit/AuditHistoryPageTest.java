package io.govlife.query.audit;

import io.govlife.query.support.Page;
import io.govlife.query.support.Paging;
import io.govlife.query.support.ProjectionHarness;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.util.List;

import static io.govlife.query.support.Events.BASE_LATTICE;
import static io.govlife.query.support.Events.GOV;
import static io.govlife.query.support.Events.ZORA_LATTICE;
import static io.govlife.query.support.Events.config;
import static io.govlife.query.support.Events.created;
import static io.govlife.query.support.Events.referenced;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page of the audit trail is read in more than one statement (its total, then its lines): the projection's batches
 * commit meanwhile, and an operator must never be shown a page whose total disagrees with the lines it lists.
 */
class AuditHistoryPageTest {

    private static final Paging FIRST_PAGE = Paging.of(0, 50);

    private final ProjectionHarness harness = new ProjectionHarness();
    private final AuditSigningKey key = new AuditSigningKey(new byte[32]);

    @Test
    void a_page_and_its_total_count_the_same_lines_when_a_batch_commits_between_their_reads() {
        harness.feeding(new AuditProjection(new AuditRepository(harness.jdbc(), key)));
        harness.publish(created(), referenced(BASE_LATTICE, config(BASE_LATTICE)));
        JdbcTemplate batchCommitsAfterTheCount = new JdbcTemplate(harness.jdbc().getDataSource()) {
            @Override
            public <T> List<T> query(String sql, RowMapper<T> rowMapper, Object... args) {
                if (sql.startsWith("select * from audit_entry")) { // the page's lines, read after the total
                    harness.publish(referenced(ZORA_LATTICE, config(BASE_LATTICE, ZORA_LATTICE)));
                }
                return super.query(sql, rowMapper, args);
            }
        };

        Page<AuditEntry> page = new AuditRepository(batchCommitsAfterTheCount, key)
                .history(GOV.value(), null, null, null, null, FIRST_PAGE);

        assertThat(page.items()).extracting(AuditEntry::type).containsExactly("GovCreated", "CitizenReferenced");
        assertThat(page.total()).isEqualTo(2);
        // the line that came in meanwhile is on the next read, total and page alike
        Page<AuditEntry> next = new AuditRepository(harness.jdbc(), key)
                .history(GOV.value(), null, null, null, null, FIRST_PAGE);
        assertThat(next.items()).hasSize(3);
        assertThat(next.total()).isEqualTo(3);
    }

    @Test
    void a_gov_without_lines_reads_as_an_empty_trail() {
        Page<AuditEntry> page = new AuditRepository(harness.jdbc(), key)
                .history(GOV.value(), null, null, null, null, FIRST_PAGE);

        assertThat(page.items()).isEmpty();
        assertThat(page.total()).isZero();
    }
}
