package io.govlife.app.storage;

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
 * commit; with it, it levels off. H2's retention time is shortened here (it is 45 s in
 * the application) so that the difference shows within seconds.
 */
class H2FileCompactionTest {

    private static final int COMMITS = 6_000;

    @TempDir
    Path dir;

    @Test
    void keepsTheFileFromGrowingWithEveryCommit() throws Exception {
        long without = fileAfterCommits(dir.resolve("plain"), false);
        long with = fileAfterCommits(dir.resolve("compacted"), true);
        // measured: without, 32 MB, about 5 KB a commit and growing with each; with, 5 to 9 MB, and no more however
        // many commits follow (with the retention time of 200 ms: 45 to 56 MB from 20,000 commits to 35,000)
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
            long deadline = System.nanoTime();
            try (PreparedStatement doc = connection.prepareStatement("update doc set body = ? where id = ?");
                 PreparedStatement entry = connection.prepareStatement("insert into entry values (?, ?, ?)")) {
                for (int commit = 0; commit < COMMITS; commit++) {
                    commitOne(connection, doc, entry);
                    if (compacting && System.nanoTime() - deadline > 0) {
                        compaction.compact();
                        deadline = System.nanoTime() + 20_000_000L;
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
        // the application's settings, but a retention time of 50 ms instead of 45 s
        return new SingleConnectionDataSource("jdbc:h2:file:" + path.resolve("db")
                + ";WRITE_DELAY=0;RETENTION_TIME=50;DB_CLOSE_ON_EXIT=FALSE", "sa", "", true);
    }
}
