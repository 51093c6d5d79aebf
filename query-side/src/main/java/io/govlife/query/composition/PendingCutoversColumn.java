package io.govlife.query.composition;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Migration 41: the composition row gains how many bumps of the gov are pending, so that
 * {@code GET /api/govs?pendingCutovers=true} filters in SQL instead of reading every document. Each row's count is
 * taken from the document it already holds ({@code pendingBumps}), which is what the projection writes from then on:
 * emptying the read models to rebuild them from the log would do the same, but leave every read answering from
 * partial tables for as long as the rebuild takes on a large log. A Java migration because the count is in a JSON
 * document, which H2 and PostgreSQL read with different functions; Spring Boot hands Flyway every such bean.
 */
@Component
class PendingCutoversColumn implements JavaMigration {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("41");
    }

    @Override
    public String getDescription() {
        return "composition pending cutovers";
    }

    /** Fixed: this migration's code is its definition, and must not change once applied. */
    @Override
    public Integer getChecksum() {
        return 41_001;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement alter = connection.createStatement()) {
            alter.execute("alter table composition add column pending_cutovers integer default 0 not null");
        }
        try (Statement select = connection.createStatement();
             ResultSet rows = select.executeQuery("select gov, document from composition");
             PreparedStatement update = connection.prepareStatement(
                     "update composition set pending_cutovers = ? where gov = ?")) {
            while (rows.next()) {
                int pending = JSON.readTree(rows.getString("document")).path("pendingBumps").size();
                if (pending > 0) {
                    update.setInt(1, pending);
                    update.setString(2, rows.getString("gov"));
                    update.addBatch();
                }
            }
            update.executeBatch();
        }
    }
}
