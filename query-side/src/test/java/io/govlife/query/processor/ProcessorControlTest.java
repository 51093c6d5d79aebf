package io.govlife.query.processor;

import io.govlife.events.gov.Rule;
import io.govlife.events.gov.RuleViolation;
import io.govlife.query.support.ProjectionHarness;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProcessorControlTest {

    private JdbcTemplate jdbc;
    private ProcessorControl control;

    @BeforeEach
    void aClusterControlRowAndTheTokenTable() {
        jdbc = new ProjectionHarness().jdbc();
        // Axon's token table (app's migration) reduced to what ProcessorRows reads
        jdbc.execute("create table token_entry (processor_name varchar(255), segment int, owner varchar(255))");
        jdbc.update("insert into token_entry values ('read-models', 0, null), ('read-models', 1, null)");
        Configurer axon = DefaultConfigurer.defaultConfiguration();
        axon.eventProcessing(); // no processors: the control's row and waiting are what is under test
        control = new ProcessorControl(axon.buildConfiguration().eventProcessingConfiguration(),
                new ProcessorRows(jdbc, Clock.systemUTC()), new InMemoryTokenStore(), NoTransactionManager.instance(),
                Duration.ofMillis(200));
    }

    @Test
    void an_operation_runs_once_no_node_holds_a_segment_and_the_cluster_runs_again_after() {
        long before = generation();
        assertThat(control.whileNoNodeRuns("test", () -> "ran")).isEqualTo("ran");
        assertThat(generation()).as("paused, then resumed").isEqualTo(before + 2);
        assertThat(state()).isEqualTo("RUNNING");
        assertThat(control.paused()).isFalse();
    }

    @Test
    void a_segment_still_held_by_a_node_refuses_the_operation_and_changes_nothing() {
        jdbc.update("update token_entry set owner = 'node-b' where segment = 1");
        AtomicBoolean ran = new AtomicBoolean();

        assertThatThrownBy(() -> control.whileNoNodeRuns("test", () -> ran.getAndSet(true)))
                .isInstanceOfSatisfying(RuleViolation.class,
                        refused -> assertThat(refused.rule()).isEqualTo(Rule.PROCESSOR_BUSY));
        assertThat(ran).isFalse();
        assertThat(state()).as("the cluster runs again").isEqualTo("RUNNING");
    }

    @Test
    void a_pause_asked_before_an_operation_holds_after_it() {
        control.pause("admin");
        control.whileNoNodeRuns("test", () -> null);
        assertThat(state()).isEqualTo("PAUSED");
        assertThat(control.paused()).isTrue();
    }

    private long generation() {
        return jdbc.queryForObject("select generation from read_model_control", Long.class);
    }

    private String state() {
        return jdbc.queryForObject("select state from read_model_control", String.class);
    }
}
