package io.govlife.app.bench;

import io.govlife.app.Api;
import io.govlife.app.Concurrently;
import io.govlife.app.PackagedApp;
import io.govlife.app.WebhookReceiver;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.awaitility.Awaitility.await;

/**
 * The whole benchmark suite on one storage: every figure of BENCHMARKS.md, each over {@code sizes.runs()} runs,
 * each throughput beside its physical baseline on the same database in the same run.
 */
final class BenchmarkSuite {

    static final String COMMANDS = "Commands over HTTP";
    static final String HOT = "One hot gov";
    static final String HISTORIES = "Long histories";
    static final String REPLAY = "Replay";
    static final String FAN_OUT = "Fan-out";
    static final String FOOTPRINT = "Footprint";

    /** How a long-history command finds its gov: kept loaded (the default), or loaded with or without snapshots. */
    static final String CACHED = "cached";
    static final String SNAPSHOTS_ON = "no cache, snapshots on";
    static final String SNAPSHOTS_OFF = "no cache, snapshots off";

    /** Sizes of a stored ShipBasicService event and its metadata, as the application writes them. */
    static final int PAYLOAD_BYTES = 260;
    static final int METADATA_BYTES = 190;

    private final Sizes sizes;
    private final Figures figures;
    private final AtomicLong fingerprints = new AtomicLong();

    BenchmarkSuite(Sizes sizes, Figures figures) {
        this.sizes = sizes;
        this.figures = figures;
    }

    void run(Storage storage) throws Exception {
        String kind = storage.kind();
        for (int concurrency : sizes.concurrencies()) {
            for (int run = 0; run < sizes.runs(); run++) {
                figures.add(kind, COMMANDS, "c=" + concurrency + " JDBC baseline", "commits/s",
                        JdbcBaseline.commitsPerSecond(storage, concurrency, sizes.warmup(), sizes.measure(),
                                PAYLOAD_BYTES, METADATA_BYTES));
            }
        }

        PackagedApp packaged = new PackagedApp(storage.dataDir());
        Process app = start(packaged, storage, "snapshots-on.log");
        try {
            Api api = packaged.api();
            commands(kind, api);
            hotGov(kind, api);
            fanOut(kind, api);
            buildHistories(api);
            histories(kind, api, CACHED);
        } finally {
            stop(app);
        }

        // without the gov cache every command loads its gov: from its snapshot and the events since, or, with the
        // snapshots deleted and none taken, from its whole history
        historiesWithoutCache(packaged, storage, SNAPSHOTS_ON);
        try (Connection connection = storage.connect(); Statement delete = connection.createStatement()) {
            delete.execute("delete from snapshot_event_entry");
        }
        historiesWithoutCache(packaged, storage, SNAPSHOTS_OFF, "--govlife.snapshot-threshold=2147483647");
        stop(start(packaged, storage, "restart.log"));

        replay(kind, storage.isPostgres() ? Storage.postgres() : Storage.h2());
        figures.add(kind, FOOTPRINT, "jar size", "MB", Files.size(Path.of(PackagedApp.jar())) / 1048576.0);
    }

    private void historiesWithoutCache(PackagedApp packaged, Storage storage, String snapshots, String... arguments)
            throws Exception {
        List<String> all = new ArrayList<>(List.of("--govlife.gov-cache-size=0"));
        all.addAll(List.of(arguments));
        Process app = start(packaged, storage, snapshots.replace(' ', '-') + ".log", all.toArray(String[]::new));
        try {
            Api api = packaged.api();
            // a fresh JVM compiles as it goes: warm it up as the first one was, or this measures the JIT
            Load.run(4, Duration.ZERO, sizes.warmup(), () -> shipAtlas(api,
                    "bench-" + ThreadLocalRandom.current().nextInt(sizes.govs())));
            histories(storage.kind(), api, snapshots);
        } finally {
            stop(app);
        }
    }

    private Process start(PackagedApp packaged, Storage storage, String log, String... arguments) throws IOException {
        long started = System.nanoTime();
        // the load clients write as one operator far beyond a person's rate: the per-operator write limit (a policy,
        // not a capacity) is lifted so the figures measure the command path
        List<String> all = new ArrayList<>(List.of("--govlife.webhooks.allowed-hosts=127.0.0.1",
                "--govlife.webhooks.poll-interval=PT0.1S", "--govlife.webhooks.first-retry=PT0.5S",
                "--govlife.security.rate-limits.write-burst=1000000",
                "--govlife.security.rate-limits.writes-per-second=1000000"));
        all.addAll(List.of(arguments));
        Process app = packaged.start(log, "-Xmx512m", storage.environment(), all.toArray(String[]::new));
        packaged.awaitReady();
        figures.add(storage.kind(), FOOTPRINT, "start-up to ready", "s", (System.nanoTime() - started) / 1e9);
        return app;
    }

    private static void stop(Process app) throws InterruptedException {
        app.destroy(); // SIGTERM: a graceful stop, so the next start finds a clean store
        if (!app.waitFor(60, TimeUnit.SECONDS)) {
            app.destroyForcibly();
        }
    }

    private void commands(String kind, Api api) throws Exception {
        List<String> govs = new ArrayList<>();
        for (int g = 0; g < sizes.govs(); g++) {
            govs.add("bench-" + g);
        }
        parallel(govs.size(), g -> api.post("/api/govs",
                "{\"name\":\"" + govs.get(g) + "\",\"archetype\":\"SERVICE\"}"));
        for (int concurrency : sizes.concurrencies()) {
            for (int run = 0; run < sizes.runs(); run++) {
                Load.Result result = Load.run(concurrency, sizes.warmup(), sizes.measure(),
                        () -> shipAtlas(api, govs.get(ThreadLocalRandom.current().nextInt(govs.size()))));
                String c = "c=" + concurrency + " ";
                figures.add(kind, COMMANDS, c + "commands", "commands/s", result.okPerSecond());
                figures.add(kind, COMMANDS, c + "p50", "ms", result.millisAt(50));
                figures.add(kind, COMMANDS, c + "p99", "ms", result.millisAt(99));
                figures.add(kind, COMMANDS, c + "p99.9", "ms", result.millisAt(99.9));
                figures.add(kind, COMMANDS, c + "not 2xx", "answers", result.answered() - result.ok());
            }
        }
    }

    private void hotGov(String kind, Api api) throws Exception {
        api.post("/api/govs", "{\"name\":\"hot\",\"archetype\":\"SERVICE\"}");
        for (int run = 0; run < sizes.runs(); run++) {
            Load.Result result = Load.run(sizes.hotWriters(), sizes.warmup(), sizes.measure(),
                    () -> shipAtlas(api, "hot"));
            figures.add(kind, HOT, sizes.hotWriters() + " writers: commands", "commands/s", result.okPerSecond());
            figures.add(kind, HOT, "share of 409", "%", 100.0 * result.conflicts() / Math.max(1, result.answered()));
            figures.add(kind, HOT, "5xx", "answers", result.serverErrors());
        }
    }

    private void fanOut(String kind, Api api) throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String g = "/api/govs/fan.out";
            api.post("/api/govs", "{\"name\":\"fan.out\",\"archetype\":\"SERVICE\"}");
            parallel(sizes.integrators(), i -> api.post(g + "/integrators",
                    "{\"name\":\"wallet-" + i + "\",\"webhookUrl\":\"" + receiver.url("/w" + i) + "\"}"));
            for (int run = 1; run <= sizes.runs(); run++) {
                api.send(shipAtlas(api, "fan.out"));
                long started = System.nanoTime();
                Api.Reply published = api.post(g + "/publications", "{}");
                if (published.status() != 201) {
                    throw new IllegalStateException("publication failed: " + published);
                }
                String revision = "\"revision\":" + run + ",";
                await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(20))
                        .until(() -> receiver.all().stream().filter(r -> r.body().contains(revision)).count()
                                >= sizes.integrators());
                double seconds = (System.nanoTime() - started) / 1e9;
                figures.add(kind, FAN_OUT, sizes.integrators() + " integrators: all delivered", "s", seconds);
                figures.add(kind, FAN_OUT, "deliveries", "deliveries/s", sizes.integrators() / seconds);
            }
        }
    }

    private void buildHistories(Api api) throws Exception {
        List<Integer> lengths = sizes.histories();
        parallel(lengths.size(), h -> {
            String gov = "history-" + lengths.get(h);
            Api.Reply reply = api.post("/api/govs", "{\"name\":\"" + gov
                    + "\",\"archetype\":\"SERVICE\"}");
            for (int e = 1; e < lengths.get(h); e++) {
                reply = api.send(shipAtlas(api, gov));
            }
            return reply;
        });
    }

    private void histories(String kind, Api api, String snapshots) throws Exception {
        for (int length : sizes.histories()) {
            String gov = "history-" + length;
            api.send(shipAtlas(api, gov)); // the first load after a start is not what is measured
            for (int run = 0; run < sizes.runs(); run++) {
                List<Double> millis = new ArrayList<>();
                for (int probe = 0; probe < sizes.historyProbes(); probe++) {
                    long sent = System.nanoTime();
                    Api.Reply reply = api.send(shipAtlas(api, gov));
                    millis.add((System.nanoTime() - sent) / 1e6);
                    if (reply.status() != 200) {
                        throw new IllegalStateException("probe failed: " + reply);
                    }
                }
                figures.add(kind, HISTORIES, length + " events, " + snapshots + ": median", "ms",
                        millis.stream().sorted().toList().get(millis.size() / 2));
            }
        }
    }

    private void replay(String kind, Storage storage) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "-Dbench.replayGovs=" + sizes.replayGovs(), "-Dbench.replayEventsPerGov=" + sizes.replayEventsPerGov(),
                "-Dbench.runs=" + sizes.runs(), ReplayMain.class.getName()));
        command.addAll(List.of(storage.arguments()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                output.add(line);
                String[] parts = line.split(" ");
                if (parts.length == 3 && parts[0].equals("BENCH")) {
                    double value = Double.parseDouble(parts[2]);
                    switch (parts[1]) {
                        case "generate.commandsPerSecond" -> figures.add(kind, REPLAY,
                                "writing the log in-process", "commands/s", value);
                        case "log.events" -> figures.add(kind, REPLAY, "events in the log", "events", value);
                        case "replay.eventsPerSecond" -> figures.add(kind, REPLAY, "rebuild of every read model",
                                "events/s", value);
                        case "baseline.eventsPerSecond" -> figures.add(kind, REPLAY,
                                "baseline: JDBC read + Jackson", "events/s", value);
                        case "heap.usedMegabytes" -> figures.add(kind, FOOTPRINT, "heap in use after replay",
                                "MB", value);
                        case "heap.maxMegabytes" -> figures.add(kind, FOOTPRINT, "heap limit", "MB", value);
                        default -> { }
                    }
                }
            }
        }
        if (child.waitFor() != 0) {
            throw new IllegalStateException("replay run failed:\n" + String.join("\n",
                    output.subList(Math.max(0, output.size() - 40), output.size())));
        }
    }

    private HttpRequest shipAtlas(Api api, String gov) {
        return HttpRequest.newBuilder(api.uri("/api/govs/" + gov + "/services/ATLAS"))
                .header("Authorization", api.bearer("alice")).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"fingerprint\":\""
                        + String.format("%064x", fingerprints.incrementAndGet()) + "\"}")).build();
    }

    /** Set-up calls, 16 at a time; any refusal stops the run, as its figures would be wrong. */
    private static void parallel(int count, Concurrently.Call task) throws Exception {
        for (Api.Reply reply : Concurrently.run(count, 16, task)) {
            if (reply.status() >= 300) {
                throw new IllegalStateException("set-up failed: " + reply);
            }
        }
    }
}
