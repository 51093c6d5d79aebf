package io.govlife.command.gov;

import io.govlife.events.Name;
import io.govlife.events.gov.IsGovNameClaimed;
import io.govlife.events.integrator.FindEnabledIntegratorEndpoints;
import io.govlife.events.integrator.FindSealedSigningSecrets;
import io.govlife.events.integrator.IntegratorEndpoint;
import io.govlife.events.integrator.IntegratorEndpoints;
import io.govlife.events.integrator.SealedSigningSecrets;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queries other modules ask instead of reading this module's tables, on a real query bus over the tables as
 * this module's migrations create them (H2, in memory), with the transaction manager the application gives the bus.
 */
class OwnTablesQueriesTest {

    private static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");
    private static final Name GOV = Name.of("gov.one");
    private static final Name ACME = Name.of("acme-wallet");

    private final MutableClock clock = new MutableClock(T0);
    private JdbcIntegratorDirectory directory;
    private JdbcGovNameRegistry names;
    private TransactionTemplate transaction;
    private QueryGateway queries;

    @BeforeEach
    void database() {
        DriverManagerDataSource db = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(db);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(db);
        transaction = new TransactionTemplate(transactions);
        directory = new JdbcIntegratorDirectory(jdbc, clock,
                (secret, gov, integrator) -> "sealed:" + gov + "/" + integrator + ":" + secret);
        names = new JdbcGovNameRegistry(jdbc, clock);

        SimpleQueryBus bus = SimpleQueryBus.builder()
                .transactionManager(new SpringTransactionManager(transactions)).build();
        new AnnotationQueryHandlerAdapter<>(new IntegratorDirectoryQueries(directory)).subscribe(bus);
        new AnnotationQueryHandlerAdapter<>(new GovNameQueries(names)).subscribe(bus);
        queries = DefaultQueryGateway.builder().queryBus(bus).build();
    }

    private List<IntegratorEndpoint> endpoints(Name gov) {
        return queries.query(new FindEnabledIntegratorEndpoints(gov), IntegratorEndpoints.class).join().endpoints();
    }

    private List<String> secrets(Name integrator, Instant at) {
        return queries.query(new FindSealedSigningSecrets(GOV, integrator, at), SealedSigningSecrets.class).join()
                .newestFirst();
    }

    private boolean claimed(String name) {
        return queries.query(new IsGovNameClaimed(Name.of(name)), Boolean.class).join();
    }

    @Test
    void a_gov_s_enabled_endpoints_come_ordered_by_integrator_without_disabled_or_other_govs_ones() {
        directory.register(GOV, Name.of("zeta-wallet"), "https://zeta.example/h", "s1");
        directory.register(GOV, ACME, "https://acme.example/h", "s2");
        directory.register(GOV, Name.of("mid-wallet"), "https://mid.example/h", "s3");
        directory.register(Name.of("gov.two"), Name.of("other-wallet"), "https://other.example/h", "s4");
        directory.disable(GOV, Name.of("mid-wallet"));

        assertThat(endpoints(GOV)).containsExactly(
                new IntegratorEndpoint(ACME, "https://acme.example/h"),
                new IntegratorEndpoint(Name.of("zeta-wallet"), "https://zeta.example/h"));
        assertThat(endpoints(Name.of("gov.three"))).isEmpty();

        directory.unregister(GOV, ACME);
        assertThat(endpoints(GOV)).extracting(e -> e.integrator().value()).containsExactly("zeta-wallet");
    }

    @Test
    void the_signing_secrets_are_those_valid_at_the_instant_asked_sealed_and_newest_first() {
        directory.register(GOV, ACME, "https://acme.example/h", "first");
        clock.set(T0.plusSeconds(60));
        directory.rotate(GOV, ACME, "second", T0.plus(Duration.ofHours(24)));

        assertThat(secrets(ACME, T0.plusSeconds(61)))
                .containsExactly("sealed:gov.one/acme-wallet:second", "sealed:gov.one/acme-wallet:first");
        assertThat(secrets(ACME, T0.plus(Duration.ofHours(24)))).as("a rotated-out secret signs until, not at, its end")
                .containsExactly("sealed:gov.one/acme-wallet:second");
        assertThat(secrets(Name.of("never-registered"), T0)).isEmpty();

        directory.unregister(GOV, ACME);
        assertThat(secrets(ACME, T0.plusSeconds(61))).isEmpty();
    }

    @Test
    void a_gov_name_is_claimed_once_its_gov_is_created_and_only_then() {
        assertThat(claimed("gov.one")).isFalse();
        transaction.executeWithoutResult(status -> names.claim(GOV));

        assertThat(claimed("gov.one")).isTrue();
        assertThat(claimed("gov.two")).isFalse();
    }

    @Test
    void the_answer_is_read_in_the_asker_s_transaction() {
        transaction.executeWithoutResult(status -> {
            directory.register(GOV, ACME, "https://acme.example/h", "s1");
            names.claim(GOV);
            assertThat(endpoints(GOV)).as("written, not yet committed, in the asking transaction").hasSize(1);
            assertThat(claimed("gov.one")).isTrue();
            status.setRollbackOnly();
        });

        assertThat(endpoints(GOV)).isEmpty();
        assertThat(claimed("gov.one")).isFalse();
    }
}
