package io.govlife.app.bench;

import io.govlife.app.Api;
import io.govlife.app.Concurrently;
import io.govlife.app.LiveApplication;
import io.govlife.app.PackagedApp;
import io.govlife.app.WebhookReceiver;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * The whole benchmark suite on one storage: every figure of BENCHMARKS.md, each over {@code sizes.runs()} runs,
 * each throughput beside its physical baseline on the same database in the same run.
 */
final class BenchmarkSuite {

    static final String COMMANDS = "Commands over HTTP";
    static final String FIRST_MINUTE = "First minute after a restart";
    static final String HOT = "One hot gov";
    static final String HISTORIES = "Long histories";
    static final String REPLAY = "Replay";
    /**
     * Emptying the read models' tables and setting their tokens back, in one transaction, before the replay: from the
     * second run on, the first finding them empty.
     */
    static final String RESET = "reset of every read model before the rebuild";
    static final String FAN_OUT = "Fan-out";
    static final String FOOTPRINT = "Footprint";

    /** How a long-history command finds its gov: kept loaded (the default), or loaded with or without snapshots. */
    static final String CACHED = "cached";
    static final String SNAPSHOTS_ON = "no cache, snapshots on";
    static final String SNAPSHOTS_OFF = "no cache, snapshots off";

    /** Sizes of a stored ShipBasicService event and its metadata, as the application writes them. */
    static final int PAYLOAD_BYTES = 260;
    static final int METADATA_BYTES = 190;

    static final String START_UP = "start-up to ready";
    static final String START_UP_EXTRACTED = "start-up to ready, extracted jar";
    static final String START_UP_CDS = "start-up to ready, extracted jar + CDS archive";
    static final String START_UP_AOT = "start-up to ready, extracted jar + CDS archive + AOT";
    static final String FIRST_30_S = "first 30 s: commands/s";

    private static Path extracted;

    private final Sizes sizes;
    private final Figures figures;
    private String authorization;

    BenchmarkSuite(Sizes sizes, Figures figures) {
        this.sizes = sizes;
        this.figures = figures;
    }

    void run(Storage storage) throws Exception {
        String kind = storage.kind();
        storage.checkDurability();
        baselines(storage, sizes.concurrencies());

        PackagedApp packaged = new PackagedApp(storage.dataDir());
        Process app = start(packaged, storage, "snapshots-on.log");
        try {
            Api api = packaged.api();
            createGovs(api);
            commands(kind, api, sizes.concurrencies());
            hotGov(kind, api);
            fanOut(kind, api);
            buildHistories(api);
            histories(kind, api, CACHED);
        } finally {
            stop(app);
        }
        firstMinutes(packaged, storage);
        startUps(packaged, storage);

        // without the gov cache every command loads its gov: from its snapshot and the events since, or, with the
        // snapshots deleted and none taken, from its whole history
        historiesWithoutCache(packaged, storage, SNAPSHOTS_ON);
        try (Connection connection = storage.connect(); Statement delete = connection.createStatement()) {
            delete.execute("delete from snapshot_event_entry");
        }
        historiesWithoutCache(packaged, storage, SNAPSHOTS_OFF, "--govlife.snapshot-threshold=2147483647");

        replay(kind, storage.fresh());
        figures.add(kind, FOOTPRINT, "jar size", "MB", Files.size(Path.of(PackagedApp.jar())) / 1048576.0);
    }

    /** The command path alone, at the targets' concurrency: a second column for a storage's other settings. */
    void runCommands(Storage storage) throws Exception {
        storage.checkDurability();
        List<Integer> concurrency = List.of(sizes.targetConcurrency());
        baselines(storage, concurrency);
        PackagedApp packaged = new PackagedApp(storage.dataDir());
        Process app = start(packaged, storage, "commands.log");
        try {
            Api api = packaged.api();
            createGovs(api);
            // the load it meets in the full suite before c=16, so that the JIT has caught up as far
            Duration c1 = sizes.warmup().plus(sizes.measure()).multipliedBy(sizes.runs());
            loadClient(api, "bench-*" + sizes.govs(), 1, Duration.ZERO, c1, c1);
            commands(storage.kind(), api, concurrency);
        } finally {
            stop(app);
        }
    }

    private void baselines(Storage storage, List<Integer> concurrencies) throws Exception {
        for (int concurrency : concurrencies) {
            for (int run = 0; run < sizes.runs(); run++) {
                figures.add(storage.kind(), COMMANDS, "c=" + concurrency + " JDBC baseline", "commits/s",
                        JdbcBaseline.commitsPerSecond(storage, concurrency, sizes.warmup(), sizes.measure(),
                                PAYLOAD_BYTES, METADATA_BYTES));
            }
        }
    }

    /**
     * What a node that has just started serves: the load starts the moment it is ready and is measured from then on,
     * window by window, over the govs of the spread load (loaded from their snapshots, as after a deploy).
     */
    private void firstMinutes(PackagedApp packaged, Storage storage) throws Exception {
        int concurrency = sizes.targetConcurrency();
        for (int restart = 0; restart < sizes.restarts(); restart++) {
            Process app = start(packaged, storage, "restart-" + restart + ".log");
            try {
                Map<String, Double> load = loadClient(packaged.api(), "bench-*" + sizes.govs(), concurrency,
                        Duration.ZERO, sizes.firstMinute(), sizes.window());
                long window = sizes.window().toMillis();
                double firstHalfMinute = 0;
                int inFirstHalfMinute = 0;
                for (int w = 0; load.containsKey("window." + w + ".perSecond"); w++) {
                    String span = seconds(w * window) + "–" + seconds((w + 1) * window) + " s";
                    double perSecond = load.get("window." + w + ".perSecond");
                    figures.add(storage.kind(), FIRST_MINUTE, "c=" + concurrency + ", " + span + ": commands/s",
                            "commands/s", perSecond);
                    figures.add(storage.kind(), FIRST_MINUTE, "c=" + concurrency + ", " + span + ": p99", "ms",
                            load.get("window." + w + ".p99"));
                    if ((w + 1) * window <= 30_000 || w == 0) {
                        firstHalfMinute += perSecond;
                        inFirstHalfMinute++;
                    }
                }
                figures.add(storage.kind(), FIRST_MINUTE, FIRST_30_S, "commands/s",
                        firstHalfMinute / inFirstHalfMinute);
                figures.add(storage.kind(), FIRST_MINUTE, "not 2xx", "answers", load.get("notOk"));
            } finally {
                stop(app);
            }
        }
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? Long.toString(millis / 1000) : Double.toString(millis / 1000.0);
    }

    /**
     * Start-up to ready from the jar as built, from its extracted layout (no nested jars to open) and from that with a
     * class data sharing archive of the classes a start loads (Spring Boot's CDS support: a training run that stops
     * once the context is refreshed), each step measured on its own.
     */
    private void startUps(PackagedApp packaged, Storage storage) throws Exception {
        Path jar = extractedJar();
        Path archive = storage.dataDir().resolve("govlife.jsa");
        train(packaged, storage, "cds-training.log", archive, jar);
        // the beans prepared ahead of time are the embedded default's (AheadOfTimeStartGuard), so H2 only; their
        // classes differ, so they have an archive of their own
        boolean aheadOfTime = storage.kind().startsWith("H2");
        Path aotArchive = storage.dataDir().resolve("govlife-aot.jsa");
        if (aheadOfTime) {
            train(packaged, storage, "cds-aot-training.log", aotArchive, jar, "-Dspring.aot.enabled=true");
        }
        for (int run = 0; run < sizes.restarts(); run++) {
            stop(start(packaged, storage, "extracted.log", START_UP_EXTRACTED,
                    List.of("-Xmx512m", "-jar", jar.toString())));
            stop(start(packaged, storage, "cds.log", START_UP_CDS,
                    List.of("-Xmx512m", "-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-jar", jar.toString())));
            if (aheadOfTime) {
                stop(start(packaged, storage, "aot.log", START_UP_AOT, List.of("-Xmx512m",
                        "-XX:SharedArchiveFile=" + aotArchive, "-Xlog:cds=off", "-Dspring.aot.enabled=true", "-jar",
                        jar.toString())));
            }
        }
    }

    /** A training start that stops once the context is refreshed, writing the CDS archive of what it loaded. */
    private static void train(PackagedApp packaged, Storage storage, String log, Path archive, Path jar,
                              String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of("-Xmx512m", "-XX:ArchiveClassesAtExit=" + archive));
        command.addAll(List.of(options));
        command.addAll(List.of("-Dspring.context.exit=onRefresh", "-jar", jar.toString()));
        Process training = packaged.start(log, command, storage.environment());
        if (!training.waitFor(5, TimeUnit.MINUTES) || !Files.exists(archive)) {
            training.destroyForcibly();
            throw new IllegalStateException("the CDS training run wrote no archive; see " + log);
        }
    }

    private static synchronized Path extractedJar() throws Exception {
        if (extracted == null) {
            Path into = LiveApplication.freshDataDir().resolve("extracted");
            Process extract = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Djarmode=tools", "-jar", PackagedApp.jar(), "extract", "--destination", into.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (extract.waitFor() != 0) {
                throw new IllegalStateException("could not extract " + PackagedApp.jar());
            }
            extracted = into.resolve(Path.of(PackagedApp.jar()).getFileName());
        }
        return extracted;
    }

    private void historiesWithoutCache(PackagedApp packaged, Storage storage, String snapshots, String... arguments)
            throws Exception {
        List<String> all = new ArrayList<>(List.of("--govlife.gov-cache-size=0"));
        all.addAll(List.of(arguments));
        Process app = start(packaged, storage, snapshots.replace(' ', '-') + ".log", all.toArray(String[]::new));
        try {
            Api api = packaged.api();
            // a fresh JVM compiles as it goes: warm it up as the first one was, or this measures the JIT
            loadClient(api, "bench-*" + sizes.govs(), 4, Duration.ZERO, sizes.warmup(), sizes.warmup());
            histories(storage.kind(), api, snapshots);
        } finally {
            stop(app);
        }
    }

    private Process start(PackagedApp packaged, Storage storage, String log, String... arguments) throws IOException {
        return start(packaged, storage, log, START_UP, List.of("-Xmx512m", "-jar", PackagedApp.jar()), arguments);
    }

    private Process start(PackagedApp packaged, Storage storage, String log, String figure, List<String> javaOptions,
                          String... arguments) throws IOException {
        long started = System.nanoTime();
        // the load clients write as one operator far beyond a person's rate: the per-operator write limit (a policy,
        // not a capacity) is lifted so the figures measure the command path
        List<String> all = new ArrayList<>(List.of("--govlife.webhooks.allowed-hosts=127.0.0.1",
                "--govlife.webhooks.poll-interval=PT0.1S", "--govlife.webhooks.first-retry=PT0.5S",
                "--govlife.security.rate-limits.write-burst=1000000",
                "--govlife.security.rate-limits.writes-per-second=1000000"));
        all.addAll(List.of(arguments));
        Process app = packaged.start(log, javaOptions, storage.environment(), all.toArray(String[]::new));
        packaged.awaitReady(Duration.ofMillis(20));
        figures.add(storage.kind(), FOOTPRINT, figure, "s", (System.nanoTime() - started) / 1e9);
        authorization = packaged.api().bearer("alice"); // this database's token: the suite goes on to another
        return app;
    }

    private static void stop(Process app) throws InterruptedException {
        app.destroy(); // SIGTERM: a graceful stop, so the next start finds a clean store
        if (!app.waitFor(60, TimeUnit.SECONDS)) {
            app.destroyForcibly();
        }
    }

    private void createGovs(Api api) throws Exception {
        parallel(sizes.govs(), g -> api.post("/api/govs",
                "{\"name\":\"bench-" + g + "\",\"archetype\":\"SERVICE\"}"));
    }

    private void commands(String kind, Api api, List<Integer> concurrencies) throws Exception {
        for (int concurrency : concurrencies) {
            for (int run = 0; run < sizes.runs(); run++) {
                Map<String, Double> load = loadClient(api, "bench-*" + sizes.govs(), concurrency, sizes.warmup(),
                        sizes.measure(), sizes.measure());
                String c = "c=" + concurrency + " ";
                figures.add(kind, COMMANDS, c + "commands", "commands/s", load.get("ok.perSecond"));
                figures.add(kind, COMMANDS, c + "p50", "ms", load.get("p50"));
                figures.add(kind, COMMANDS, c + "p99", "ms", load.get("p99"));
                figures.add(kind, COMMANDS, c + "p99.9", "ms", load.get("p99.9"));
                figures.add(kind, COMMANDS, c + "not 2xx", "answers", load.get("notOk"));
            }
        }
    }

    private void hotGov(String kind, Api api) throws Exception {
        api.post("/api/govs", "{\"name\":\"hot\",\"archetype\":\"SERVICE\"}");
        for (int run = 0; run < sizes.runs(); run++) {
            Map<String, Double> load = loadClient(api, "hot", sizes.hotWriters(), sizes.warmup(), sizes.measure(),
                    sizes.measure());
            figures.add(kind, HOT, sizes.hotWriters() + " writers: commands", "commands/s", load.get("ok.perSecond"));
            figures.add(kind, HOT, "share of 409", "%", 100.0 * load.get("conflicts")
                    / Math.max(1, load.get("answered")));
            figures.add(kind, HOT, "5xx", "answers", load.get("serverErrors"));
        }
    }

    /** A load from {@link LoadClient}, a JVM of its own, so the figures are what an outside client sees. */
    private Map<String, Double> loadClient(Api api, String govs, int concurrency, Duration warmup, Duration measure,
                                           Duration window) throws Exception {
        Map<String, Double> load = ChildJvm.run(List.of("-Xmx256m"), LoadClient.class, List.of("url=" + api.uri(""),
                "authorization=" + authorization, "govs=" + govs, "concurrency=" + concurrency, "warmup=" + warmup,
                "measure=" + measure, "window=" + window));
        // a refusal other than a conflict or a server error (a stale token, a rate limit) means the load measured
        // the wrong thing: the run stops rather than report it
        double refused = load.get("notOk") - load.get("conflicts") - load.get("serverErrors");
        if (refused > 0) {
            throw new IllegalStateException(refused + " answers of the load on " + govs + " were refusals: " + load);
        }
        return load;
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
        Map<String, Double> replay = ChildJvm.run(List.of("-Xmx512m", "-Dbench.replayGovs=" + sizes.replayGovs(),
                "-Dbench.replayEventsPerGov=" + sizes.replayEventsPerGov(), "-Dbench.runs=" + sizes.runs()),
                ReplayMain.class, List.of(storage.arguments()));
        // ReplayMain prints one line per run of each figure; ChildJvm keeps the last, so it reports them by run
        for (int run = 0; replay.containsKey("run." + run + ".replay.eventsPerSecond"); run++) {
            figures.add(kind, REPLAY, "rebuild of every read model", "events/s",
                    replay.get("run." + run + ".replay.eventsPerSecond"));
            figures.add(kind, REPLAY, "baseline: JDBC read + Jackson", "events/s",
                    replay.get("run." + run + ".baseline.eventsPerSecond"));
            if (replay.containsKey("run." + run + ".reset.seconds")) {
                figures.add(kind, REPLAY, RESET, "s", replay.get("run." + run + ".reset.seconds"));
                figures.add(kind, REPLAY, "rebuild of every read model, its reset included", "events/s",
                        replay.get("run." + run + ".withReset.eventsPerSecond"));
            }
        }
        figures.add(kind, REPLAY, "writing the log in-process", "commands/s",
                replay.get("generate.commandsPerSecond"));
        figures.add(kind, REPLAY, "events in the log", "events", replay.get("log.events"));
        figures.add(kind, FOOTPRINT, "heap in use after replay", "MB", replay.get("heap.usedMegabytes"));
        figures.add(kind, FOOTPRINT, "heap limit", "MB", replay.get("heap.maxMegabytes"));
    }

    private HttpRequest shipAtlas(Api api, String gov) {
        return LoadClient.shipAtlas(api.uri("").toString(), authorization, gov);
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
