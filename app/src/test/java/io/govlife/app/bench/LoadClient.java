package io.govlife.app.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The suite's load client as a process of its own, so that its JIT, heap and threads are not the test JVM's and a
 * figure is what any outside client would see: each request ships a new Atlas fingerprint to a gov picked at random.
 * Arguments are {@code name=value}: {@code url}, {@code authorization}, {@code govs} (a comma-separated list, or
 * {@code prefix*count} for prefix0 … prefix(count-1)), {@code concurrency}, {@code warmup}, {@code measure} and
 * {@code window} (ISO-8601 durations). Prints its figures as {@code BENCH name value} lines ({@link ChildJvm}).
 */
public final class LoadClient {

    private LoadClient() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            options.put(arg.substring(0, equals), arg.substring(equals + 1));
        }
        String url = options.get("url");
        String authorization = options.get("authorization");
        String[] govs = govs(options.get("govs"));
        Duration measure = Duration.parse(options.get("measure"));
        Load.Result result = Load.run(Integer.parseInt(options.get("concurrency")),
                Duration.parse(options.getOrDefault("warmup", "PT0S")), measure,
                Duration.parse(options.getOrDefault("window", measure.toString())),
                () -> shipAtlas(url, authorization, govs[ThreadLocalRandom.current().nextInt(govs.length)]));
        print("ok.perSecond", result.okPerSecond());
        print("p50", result.millisAt(50));
        print("p99", result.millisAt(99));
        print("p99.9", result.millisAt(99.9));
        print("answered", result.answered());
        print("notOk", result.answered() - result.ok());
        print("conflicts", result.conflicts());
        print("serverErrors", result.serverErrors());
        for (int w = 0; w < result.windows().size(); w++) {
            print("window." + w + ".perSecond", result.windows().get(w).okPerSecond());
            print("window." + w + ".p99", result.windows().get(w).millisAt(99));
        }
    }

    static String[] govs(String spec) {
        int star = spec.indexOf('*');
        if (star < 0) {
            return spec.split(",");
        }
        String[] govs = new String[Integer.parseInt(spec.substring(star + 1))];
        for (int g = 0; g < govs.length; g++) {
            govs[g] = spec.substring(0, star) + g;
        }
        return govs;
    }

    /** A new, random Atlas fingerprint for the gov: the one request every load of the suite is made of. */
    static HttpRequest shipAtlas(String url, String authorization, String gov) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String fingerprint = String.format("%016x%016x%016x%016x", random.nextLong(), random.nextLong(),
                random.nextLong(), random.nextLong());
        return HttpRequest.newBuilder(URI.create(url + "/api/govs/" + gov + "/services/ATLAS"))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"fingerprint\":\"" + fingerprint + "\"}")).build();
    }

    private static void print(String name, double value) {
        System.out.println("BENCH " + name + " " + value);
    }
}
