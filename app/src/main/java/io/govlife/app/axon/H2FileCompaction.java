package io.govlife.app.axon;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the embedded H2 file from growing with every commit. {@code WRITE_DELAY=0}, which makes each answered
 * command durable, also stops H2's background writer, and that thread is what rewrites the live pages left in old
 * chunks so that the space of those chunks can be reused. Without it nearly every chunk keeps a page or two alive
 * for good and the file grows by some 20 KB per command for as long as the database is open (BENCHMARKS.md: 8.6 GB
 * for 300,000 events). This runs that rewrite ({@link MVStore#compact}, H2's public API) on a schedule of its own.
 * <p>
 * It does not move chunks to shorten the file while open: H2 2.3's chunk move has reports of assertion failures
 * and lost rows (h2database #4086, #4247), and the file levels off without it (H2FileCompactionTest). H2 still keeps each chunk for
 * {@code RETENTION_TIME} (45 s) before reusing its space, so a crash of the machine cannot leave the file pointing
 * into overwritten space: under sustained load the file holds about 45 s of writes besides the live data.
 */
@Component
// any embedded file database: jdbc:h2:file:, jdbc:h2:./, jdbc:h2:~/ (a server's store is its own to keep)
@ConditionalOnExpression("'${spring.datasource.url:}'.startsWith('jdbc:h2:')"
        + " && !'${spring.datasource.url:}'.startsWith('jdbc:h2:mem:')")
class H2FileCompaction implements MeterBinder {

    /** Below this share of live bytes in its chunks, the oldest chunks' live pages are rewritten. */
    static final int TARGET_FILL_RATE = 60;
    /** Live bytes rewritten per run at most: commits wait for H2's store lock meanwhile, a few milliseconds. */
    static final int STEP_BYTES = 4 * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(H2FileCompaction.class);

    private final DataSource dataSource;
    private volatile MVStore store;
    private volatile boolean unavailable;

    H2FileCompaction(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Scheduled(fixedDelay = 200, initialDelay = 1000, timeUnit = TimeUnit.MILLISECONDS)
    void compact() {
        MVStore mvStore = openStore();
        if (mvStore == null) {
            return;
        }
        try {
            // gives up after 10 ms if commits hold the store lock; the next run tries again
            mvStore.compact(TARGET_FILL_RATE, STEP_BYTES);
        } catch (MVStoreException | IllegalStateException closed) {
            log.debug("H2 compaction skipped: {}", closed.getMessage()); // the store closed under it: shutdown
        }
    }

    /** Percentage of the bytes in the file's chunks still live. */
    double chunksFillRate() {
        MVStore mvStore = openStore();
        return mvStore == null ? Double.NaN : mvStore.getFileStore().getChunksFillRate();
    }

    double fileSize() {
        MVStore mvStore = openStore();
        return mvStore == null ? Double.NaN : mvStore.getFileStore().size();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("govlife.h2.file.size", this, H2FileCompaction::fileSize).baseUnit("bytes")
                .description("size of the embedded H2 database file").register(registry);
        Gauge.builder("govlife.h2.chunks.fill", this, H2FileCompaction::chunksFillRate).baseUnit("percent")
                .description("share of the bytes in the H2 file's chunks still live, "
                        + "including chunks kept for the retention time").register(registry);
    }

    /** The embedded store, or null if there is none or it has closed (shutdown). */
    private MVStore openStore() {
        MVStore known = store;
        if (known != null || unavailable) {
            return known == null || known.isClosed() ? null : known;
        }
        try (Connection connection = dataSource.getConnection()) {
            SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
            MVStore opened = session.getDatabase().getStore().getMvStore();
            if (opened.getFileStore() == null) {
                unavailable = true; // in memory: no file to keep
                return null;
            }
            store = opened;
            return store;
        } catch (SQLException | ClassCastException notEmbedded) {
            unavailable = true;
            log.warn("H2 compaction off: no embedded H2 store behind the data source ({})", notEmbedded.toString());
            return null;
        }
    }
}
