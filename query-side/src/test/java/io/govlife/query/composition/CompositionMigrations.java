package io.govlife.query.composition;

import org.flywaydb.core.api.migration.JavaMigration;

/**
 * The composition's Java migrations, for tests that migrate a database without Spring (which hands Flyway every
 * {@link JavaMigration} bean): the migrations stay package-private in main code.
 */
public final class CompositionMigrations {

    private CompositionMigrations() {
    }

    public static JavaMigration[] all() {
        return new JavaMigration[] {new PendingCutoversColumn()};
    }
}
