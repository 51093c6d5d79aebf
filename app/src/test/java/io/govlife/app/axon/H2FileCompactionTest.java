package io.govlife.app.axon;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded file under a stream of small commits, as commands make them: without compaction it grows with every
 * commit; with it, it levels off. H2's retention time (45 s in the application) is off here, and compaction runs
 * every so many commits instead of every 200 ms, so that the difference shows within seconds and does not depend on
 * how fast the machine is (with a retention of 50 ms and a timed schedule, one fresh-clone CI run measured 18 MB
 * with compaction against 36 MB without, and this test failed).
 */
class H2FileCompactionTest {

    private static final int COMMITS = 6_000;

    /** About what the application's 200 ms schedule sees under load. */
    private static final int COMMITS_PER_COMPACTION = 50;

    @TempDir
    Path dir;

    @Test
    void keepsTheFileFromGrowingWithEveryCommit() throws Exception {
        long without = fileAfterCommits(dir.resolve("plain"), false);
        long with = fileAfterCommits(dir.resolve("compacted"), true);
        // measured: without, 29 to 30 MB, about 5 KB a commit and growing with each; with, 4.3 MB, the same on an idle
        // machine and on one with three busy loops beside the test
        assertThat(with).isLessThan(without / 2);
        assertThat(rows(dir.resolve("compacted"))).as("every committed row is still there").isEqualTo(COMMITS);
    }

    @Test
    void reportsTheFileAndItsFillRate() throws Exception {
        try (SingleConnectionDataSource db = dataSource(dir.resolve("gauges"))) {
            H2FileCompaction compaction = new H2FileCompaction(db);
            assertThat(compaction.fileSize()).isPositive();
            assertThat(compaction.chunksFillRate()).isBetween(0.0, 100.0);
        }
    }

    private long fileAfterCommits(Path path, boolean compacting) throws Exception {
        try (SingleConnectionDataSource db = dataSource(path)) {
            H2FileCompaction compaction = new H2FileCompaction(db);
            Connection connection = db.getConnection();
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("create table doc (id int primary key, body varchar(400))");
                ddl.execute("create table entry (id uuid primary key, gov int, payload varchar(400))");
                ddl.execute("create index entry_gov on entry (gov)");
                ddl.execute("insert into doc select x, repeat('d', 300) from system_range(1, 1000)");
            }
            connection.setAutoCommit(false);
            try (PreparedStatement doc = connection.prepareStatement("update doc set body = ? where id = ?");
                 PreparedStatement entry = connection.prepareStatement("insert into entry values (?, ?, ?)")) {
                for (int commit = 0; commit < COMMITS; commit++) {
                    commitOne(connection, doc, entry);
                    // counted, not timed, so that a slow machine sees the same file as a fast one
                    if (compacting && commit % COMMITS_PER_COMPACTION == 0) {
                        compaction.compact();
                    }
                }
            }
            connection.commit();
            return Files.size(path.resolve("db.mv.db"));
        }
    }

    private static long rows(Path path) throws SQLException {
        try (SingleConnectionDataSource db = dataSource(path);
             Statement query = db.getConnection().createStatement();
             var result = query.executeQuery("select count(*) from entry")) {
            result.next();
            return result.getLong(1);
        }
    }

    private static void commitOne(Connection connection, PreparedStatement doc, PreparedStatement entry)
            throws SQLException {
        int gov = ThreadLocalRandom.current().nextInt(1, 1001);
        doc.setString(1, UUID.randomUUID().toString().repeat(8));
        doc.setInt(2, gov);
        doc.executeUpdate();
        entry.setObject(1, UUID.randomUUID());
        entry.setInt(2, gov);
        entry.setString(3, "e".repeat(260));
        entry.executeUpdate();
        connection.commit();
    }

    private static SingleConnectionDataSource dataSource(Path path) {
        // the application's settings, but no retention time instead of 45 s: H2 keeps a chunk written less than
        // that long ago whatever it holds, so with any retention the result would depend on the machine's speed
        return new SingleConnectionDataSource("jdbc:h2:file:" + path.resolve("db")
                + ";WRITE_DELAY=0;RETENTION_TIME=0;DB_CLOSE_ON_EXIT=FALSE", "sa", "", true);
    }
}
