package io.govlife.query.audit;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuditChainTest {

    /** Three event lines and the end line, chained the way the export writes them. */
    static List<String> chain() {
        List<String> lines = new ArrayList<>();
        String prev = AuditChain.GENESIS;
        for (int seq = 0; seq < 3; seq++) {
            String line = "{\"sequence\":" + seq + ",\"type\":\"govlife.E\",\"payload\":{\"n\":" + seq + "},\"prev\":\""
                    + prev + "\"}";
            lines.add(line);
            prev = AuditChain.hash(line);
        }
        lines.add("{\"end\":true,\"events\":3,\"prev\":\"" + prev + "\"}");
        return lines;
    }

    @Test
    void an_intact_chain_verifies() {
        AuditChain.Verdict verdict = AuditChain.verify(chain());
        assertThat(verdict.ok()).isTrue();
        assertThat(verdict.events()).isEqualTo(3);
    }

    @Test
    void an_altered_line_is_named() {
        List<String> lines = chain();
        lines.set(1, lines.get(1).replace("\"n\":1", "\"n\":7"));
        AuditChain.Verdict verdict = AuditChain.verify(lines);
        assertThat(verdict.ok()).isFalse();
        assertThat(verdict.line()).isEqualTo(3);
        assertThat(verdict.problem()).contains("line 2 was altered");
    }

    @Test
    void an_altered_last_event_is_caught_by_the_end_line() {
        List<String> lines = chain();
        lines.set(2, lines.get(2).replace("\"n\":2", "\"n\":9"));
        assertThat(AuditChain.verify(lines).problem()).contains("line 3 was altered");
    }

    @Test
    void a_removed_line_is_named() {
        List<String> lines = chain();
        lines.remove(1);
        assertNamed(lines, 2, "removed or reordered");
    }

    @Test
    void reordered_lines_are_named() {
        List<String> lines = chain();
        Collections.swap(lines, 1, 2);
        assertNamed(lines, 2, "removed or reordered");
    }

    @Test
    void a_cut_short_export_is_named() {
        List<String> lines = chain();
        lines.remove(3);
        AuditChain.Verdict verdict = AuditChain.verify(lines);
        assertThat(verdict.ok()).isFalse();
        assertThat(verdict.problem()).contains("cut short");
    }

    @Test
    void a_forged_first_line_is_named() {
        List<String> lines = chain();
        lines.set(0, lines.get(0).replace(AuditChain.GENESIS, "1".repeat(64)));
        assertThat(AuditChain.verify(lines).line()).isEqualTo(1);
    }

    /** The verdict on these lines names that line and that problem. */
    private static void assertNamed(List<String> lines, int line, String problem) {
        AuditChain.Verdict verdict = AuditChain.verify(lines);
        assertThat(verdict.line()).isEqualTo(line);
        assertThat(verdict.problem()).contains(problem);
    }
}
