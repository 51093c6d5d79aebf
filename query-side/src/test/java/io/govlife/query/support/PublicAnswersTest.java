package io.govlife.query.support;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** When a public answer is read from the database again, and when it must not be served any longer. */
class PublicAnswersTest {

    private final AtomicLong now = new AtomicLong();
    private final Map<String, String> database = new HashMap<>(Map.of("base", "v1"));
    private final AtomicInteger reads = new AtomicInteger();
    private final PublicAnswers<String, String> answers = new PublicAnswers<>(Duration.ofSeconds(1), 100, now::get);

    private Optional<String> get(String key) {
        return answers.get(key, k -> {
            reads.incrementAndGet();
            return Optional.ofNullable(database.get(k));
        });
    }

    @Test
    void an_answer_stands_until_the_recheck_is_due_then_is_read_again() {
        assertThat(get("base")).contains("v1");
        database.put("base", "v2"); // as another node's projection would, unseen here
        now.addAndGet(Duration.ofMillis(999).toNanos());
        assertThat(get("base")).contains("v1");
        assertThat(reads).hasValue(1);
        now.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(get("base")).contains("v2");
        assertThat(reads).hasValue(2);
    }

    @Test
    void absence_is_remembered_too_and_a_change_ends_it() {
        assertThat(get("zora")).isEmpty();
        assertThat(get("zora")).isEmpty();
        assertThat(reads).hasValue(1);
        database.put("zora", "v1");
        answers.changed("zora");
        assertThat(get("zora")).contains("v1");
    }

    @Test
    void a_change_in_a_unit_of_work_ends_the_answer_once_it_commits_not_before() {
        assertThat(get("base")).contains("v1");
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("published"));
        database.put("base", "v2");
        answers.changed("base");
        // the change is not committed yet: a request still reads the old state, and may keep it until the commit
        assertThat(get("base")).contains("v1");
        batch.commit();
        assertThat(get("base")).contains("v2");
    }

    @Test
    void a_rolled_back_change_leaves_the_answer_standing() {
        assertThat(get("base")).contains("v1");
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("published"));
        answers.changed("base");
        batch.rollback();
        assertThat(get("base")).contains("v1");
        assertThat(reads).hasValue(1);
    }

    @Test
    void an_answer_read_while_a_change_lands_is_served_but_not_kept() {
        Optional<String> raced = answers.get("base", k -> {
            answers.changed("base"); // a projection commits while this request reads
            return Optional.of("v1");
        });
        assertThat(raced).contains("v1");
        database.put("base", "v2");
        assertThat(get("base")).contains("v2");
    }

    @Test
    void a_change_to_every_answer_ends_them_all() {
        database.put("zora", "v1");
        get("base");
        get("zora");
        database.put("base", "v2");
        database.put("zora", "v2");
        answers.changedAll();
        assertThat(get("base")).contains("v2");
        assertThat(get("zora")).contains("v2");
    }

    @Test
    void with_no_recheck_every_request_reads_the_database() {
        PublicAnswers<String, String> strict = new PublicAnswers<>(Duration.ZERO, 100, now::get);
        strict.get("base", k -> Optional.of(database.get(k)));
        database.put("base", "v2");
        assertThat(strict.get("base", k -> Optional.of(database.get(k)))).contains("v2");
    }

    @Test
    void past_its_bound_the_cache_starts_over_rather_than_grow() {
        PublicAnswers<Integer, Integer> small = new PublicAnswers<>(Duration.ofSeconds(1), 2, now::get);
        AtomicInteger loads = new AtomicInteger();
        for (int key = 0; key < 3; key++) {
            small.get(key, k -> Optional.of(loads.incrementAndGet()));
        }
        assertThat(small.get(2, k -> Optional.of(loads.incrementAndGet()))).as("kept after the start-over")
                .contains(3);
        assertThat(small.get(0, k -> Optional.of(loads.incrementAndGet()))).as("gone with the start-over")
                .contains(4);
    }

    @Test
    void a_negative_recheck_is_refused() {
        assertThatThrownBy(() -> new PublicAnswers<String, String>(Duration.ofSeconds(-1), 1))
                .hasMessageContaining("recheck");
    }
}
