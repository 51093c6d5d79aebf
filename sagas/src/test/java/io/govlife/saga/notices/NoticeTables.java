package io.govlife.saga.notices;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.util.Map;
import java.util.UUID;

/** This module's tables, migrated by Flyway as at start-up, in a fresh in-memory H2 database of their own. */
final class NoticeTables {

    private NoticeTables() {
    }

    static JdbcTemplate fresh() {
        DriverManagerDataSource db = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(db).locations("classpath:db/migration")
                .placeholders(Map.of("binary", "blob", "document", "clob")).load().migrate();
        return new JdbcTemplate(db);
    }
}
