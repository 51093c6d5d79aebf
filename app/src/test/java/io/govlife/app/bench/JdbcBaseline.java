package io.govlife.app.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The physical floor under a command: one row shaped and sized like a stored event, committed in its own
 * transaction, by as many threads as the HTTP load has clients, into the same database. A command does this plus
 * everything else (HTTP, loading the aggregate, rules, name claims), so the ratio of the two says what the rest costs.
 */
final class JdbcBaseline {

    private JdbcBaseline() {
    }

    static double commitsPerSecond(Storage storage, int concurrency, Duration warmup, Duration measure,
                                   int payloadBytes, int metadataBytes) throws Exception {
        try (Connection connection = storage.connect(); Statement ddl = connection.createStatement()) {
            ddl.execute("create table bench_event (global_index bigint not null primary key, "
                    + "event_identifier varchar(255) not null, aggregate_identifier varchar(255) not null, "
                    + "sequence_number bigint not null, type varchar(255), payload_type varchar(255) not null, "
                    + "time_stamp varchar(255) not null, payload " + storage.binaryType() + " not null, "
                    + "meta_data " + storage.binaryType() + ", unique (aggregate_identifier, sequence_number))");
        }
        AtomicLong ids = new AtomicLong();
        LongAdder committed = new LongAdder();
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + measure.toNanos();
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                running.add(workers.submit(() -> {
                    byte[] payload = new byte[payloadBytes];
                    byte[] metadata = new byte[metadataBytes];
                    try (Connection connection = storage.connect()) {
                        connection.setAutoCommit(false);
                        PreparedStatement insert = connection.prepareStatement("insert into bench_event values "
                                + "(?, ?, ?, ?, ?, ?, ?, ?, ?)");
                        while (System.nanoTime() < end) {
                            long id = ids.incrementAndGet();
                            ThreadLocalRandom.current().nextBytes(payload);
                            insert.setLong(1, id);
                            insert.setString(2, UUID.randomUUID().toString());
                            insert.setString(3, "gov-" + id);
                            insert.setLong(4, 0);
                            insert.setString(5, "Gov");
                            insert.setString(6, "govlife.BasicServiceShipped");
                            insert.setString(7, Instant.now().toString());
                            insert.setBytes(8, payload);
                            insert.setBytes(9, metadata);
                            insert.executeUpdate();
                            connection.commit();
                            long now = System.nanoTime();
                            if (now >= measureFrom && now < end) {
                                committed.increment();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : running) {
                worker.get();
            }
        } finally {
            workers.shutdownNow();
            try (Connection connection = storage.connect(); Statement ddl = connection.createStatement()) {
                ddl.execute("drop table bench_event"); // the application's migrations expect an empty schema
            }
        }
        return committed.sum() / (measure.toNanos() / 1e9);
    }
}
