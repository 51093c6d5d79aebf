package io.govlife.app.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.govlife.GovlifeApplication;
import io.govlife.events.StoredEventTypes;
import io.govlife.events.gov.Archetype;
import io.govlife.events.gov.CreateGov;
import io.govlife.events.gov.Fingerprint;
import io.govlife.events.Name;
import io.govlife.events.service.BasicService;
import io.govlife.events.service.ServiceRef;
import io.govlife.events.service.ShipBasicService;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs in a JVM of its own, started with {@code -Xmx512m}: the application in-process on the given storage, a log
 * of govs × events-per-gov generated through the command side (no HTTP), then every read model rebuilt from it,
 * beside the baseline of reading the same event table with plain JDBC and deserialising each payload with Jackson;
 * finally the heap in use. Prints one {@code BENCH name value} line per figure.
 */
public final class ReplayMain {

    /** The processor feeding every read model (query-side's ReadModels); sagas act on the world and are not replayed. */
    private static final String READ_MODELS = "read-models";

    private ReplayMain() {
    }

    public static void main(String[] args) throws Exception {
        int govs = Integer.getInteger("bench.replayGovs");
        int eventsPerGov = Integer.getInteger("bench.replayEventsPerGov");
        int runs = Integer.getInteger("bench.runs");
        List<String> arguments = new ArrayList<>(List.of(args));
        arguments.addAll(List.of("--server.port=0", "--logging.level.root=warn", "--govlife.node.id=bench"));
        ConfigurableApplicationContext app = new SpringApplicationBuilder(GovlifeApplication.class)
                .run(arguments.toArray(String[]::new));
        try {
            EventProcessingConfiguration processing = app.getBean(EventProcessingConfiguration.class);
            // only the command side runs while the log is written; the replay below then starts from nothing
            processing.eventProcessors().values().forEach(EventProcessor::shutDown);

            long started = System.nanoTime();
            generate(app.getBean(CommandGateway.class), govs, eventsPerGov);
            double seconds = (System.nanoTime() - started) / 1e9;
            report("generate.commandsPerSecond", govs * (double) eventsPerGov / seconds);

            long head = app.getBean(EventStore.class).createHeadToken().position().orElseThrow();
            long events = new org.springframework.jdbc.core.JdbcTemplate(app.getBean(DataSource.class))
                    .queryForObject("select count(*) from domain_event_entry", Long.class);
            report("log.events", events);
            for (int run = 0; run < runs; run++) {
                Rebuild rebuild = replay(processing, head);
                report("run." + run + ".replay.eventsPerSecond", events / rebuild.replaySeconds());
                if (run > 0) { // the first reset finds the read models empty: they were off while the log was written
                    report("run." + run + ".reset.seconds", rebuild.resetSeconds());
                    report("run." + run + ".withReset.eventsPerSecond",
                            events / (rebuild.resetSeconds() + rebuild.replaySeconds()));
                }
                report("run." + run + ".baseline.eventsPerSecond",
                        events / readAndDeserialise(app.getBean(DataSource.class)));
            }
            System.gc();
            report("heap.usedMegabytes", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0);
            report("heap.maxMegabytes", Runtime.getRuntime().maxMemory() / 1048576.0);
        } finally {
            app.close();
        }
        System.exit(0);
    }

    private static void generate(CommandGateway commands, int govs, int eventsPerGov) throws Exception {
        MetaData operator = MetaData.with("operator", "bench");
        ExecutorService writers = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int g = 0; g < govs; g++) {
                Name gov = Name.of("replay-" + g);
                running.add(writers.submit(() -> {
                    commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                            new CreateGov(gov, Archetype.SERVICE, null)).andMetaData(operator));
                    for (int e = 1; e < eventsPerGov; e++) {
                        ServiceRef atlas = new ServiceRef(BasicService.ATLAS,
                                Fingerprint.of(String.format("%064x", e)), null);
                        commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                                new ShipBasicService(gov, atlas, null)).andMetaData(operator));
                    }
                    return null;
                }));
            }
            for (Future<?> writer : running) {
                writer.get();
            }
        } finally {
            writers.shutdownNow();
        }
    }

    /** How long the read models' reset took (emptying their tables, the tokens set back), and the replay after it. */
    private record Rebuild(double resetSeconds, double replaySeconds) {
    }

    /**
     * Resets the read models' processor (every read model, or those of {@code bench.projections}, named in the reset
     * as the admin endpoint names them) and starts it; answers the seconds the reset took and those until the
     * processor caught up with the log. An operator's rebuild waits for both; the target names the replay.
     */
    private static Rebuild replay(EventProcessingConfiguration processing, long head) throws InterruptedException {
        StreamingEventProcessor processor = processing.eventProcessor(READ_MODELS, StreamingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        String only = System.getProperty("bench.projections");
        long resetting = System.nanoTime();
        if (only == null) {
            processor.resetTokens();
        } else {
            processor.resetTokens(only);
        }
        long started = System.nanoTime();
        processor.start();
        long giveUp = started + java.util.concurrent.TimeUnit.SECONDS.toNanos(Long.getLong("bench.replayGiveUpSeconds", 1800));
        while (!caughtUp(processor, head)) {
            if (System.nanoTime() > giveUp) {
                System.out.println(processor.getName() + " " + processor.processingStatus());
                throw new IllegalStateException("the read models did not catch up with the log");
            }
            Thread.sleep(20); // polling a processor's status; nothing to wait on
        }
        return new Rebuild((started - resetting) / 1e9, (System.nanoTime() - started) / 1e9);
    }

    private static boolean caughtUp(StreamingEventProcessor processor, long head) {
        var segments = processor.processingStatus().values();
        // a segment still reads as replaying at the reset position itself, until a newer event comes along
        return !segments.isEmpty() && segments.stream().allMatch(s -> s.isCaughtUp()
                && s.getCurrentPosition().orElse(-1) >= head);
    }

    /** The floor under a replay: the rows read in order, each payload turned back into its event. */
    private static double readAndDeserialise(DataSource dataSource) throws Exception {
        ObjectMapper json = JsonMapper.builder().findAndAddModules()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        Map<String, Class<?>> types = StoredEventTypes.all();
        long started = System.nanoTime();
        long read = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false); // PostgreSQL streams a result set only inside a transaction
            try (PreparedStatement select = connection.prepareStatement(
                    "select payload_type, payload from domain_event_entry order by global_index")) {
                select.setFetchSize(1000);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        Object event = json.readValue(rows.getBytes(2), types.get(rows.getString(1)));
                        if (event != null) {
                            read++;
                        }
                    }
                }
            }
            connection.commit();
        }
        if (read == 0) {
            throw new IllegalStateException("nothing read");
        }
        return (System.nanoTime() - started) / 1e9;
    }

    private static void report(String name, double value) {
        System.out.println("BENCH " + name + " " + value);
    }
}
