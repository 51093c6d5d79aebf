package io.govlife.app.bench;

import io.govlife.app.LiveApplication;
import io.govlife.app.PostgresServer;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/**
 * One fresh database of one kind, shared by the application under test and its baseline: an H2 file in a new data
 * directory (opened with the application's own URL settings), or a new database on the embedded PostgreSQL server.
 */
record Storage(String kind, Path dataDir, String url, String user, String password, String binaryType) {

    static Storage h2() {
        Path dir = LiveApplication.freshDataDir();
        return new Storage("H2 (file)", dir, "jdbc:h2:file:" + dir + "/govlife;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE",
                "sa", "", "blob");
    }

    static Storage postgres() {
        return new Storage("PostgreSQL", LiveApplication.freshDataDir(), PostgresServer.freshDatabase(), "postgres",
                "", "bytea");
    }

    boolean isPostgres() {
        return binaryType.equals("bytea");
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** How the application is pointed at this database: environment variables, as an operator would. */
    Map<String, String> environment() {
        if (!isPostgres()) {
            return Map.of();
        }
        return Map.of("SPRING_PROFILES_ACTIVE", "postgres", "SPRING_DATASOURCE_URL", url,
                "SPRING_DATASOURCE_USERNAME", user, "SPRING_DATASOURCE_PASSWORD", password);
    }

    /** The same, as Spring arguments, for an application started inside a JVM of ours. */
    String[] arguments() {
        if (!isPostgres()) {
            return new String[] {"--govlife.data-dir=" + dataDir};
        }
        return new String[] {"--spring.profiles.active=postgres", "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + user, "--spring.datasource.password=" + password};
    }
}
