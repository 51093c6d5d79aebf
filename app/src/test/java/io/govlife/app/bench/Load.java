package io.govlife.app.bench;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * A closed-loop HTTP load: a fixed number of platform threads, each sending its next request when the last one is
 * answered, for a warm-up then a measured period. Latencies go to an HdrHistogram (microseconds).
 */
final class Load {

    record Result(long ok, long conflicts, long serverErrors, long otherErrors, double seconds, Histogram latency) {

        double okPerSecond() {
            return ok / seconds;
        }

        long answered() {
            return ok + conflicts + serverErrors + otherErrors;
        }

        double millisAt(double percentile) {
            return latency.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Load() {
    }

    static Result run(int concurrency, Duration warmup, Duration measure, Supplier<HttpRequest> next)
            throws Exception {
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + measure.toNanos();
        Recorder recorder = new Recorder(3);
        LongAdder ok = new LongAdder();
        LongAdder conflicts = new LongAdder();
        LongAdder serverErrors = new LongAdder();
        LongAdder otherErrors = new LongAdder();
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                running.add(workers.submit(() -> {
                    while (true) {
                        long sent = System.nanoTime();
                        if (sent >= end) {
                            return null;
                        }
                        int status;
                        try {
                            status = HTTP.send(next.get(), HttpResponse.BodyHandlers.discarding()).statusCode();
                        } catch (java.io.IOException e) {
                            status = -1;
                        }
                        long answered = System.nanoTime();
                        if (sent < measureFrom || answered > end) {
                            continue;
                        }
                        recorder.recordValue(Math.max(1, (answered - sent) / 1000));
                        if (status >= 200 && status < 300) {
                            ok.increment();
                        } else if (status == 409 || status == 412) {
                            conflicts.increment();
                        } else if (status >= 500) {
                            serverErrors.increment();
                        } else {
                            otherErrors.increment();
                        }
                    }
                }));
            }
            for (Future<?> worker : running) {
                worker.get();
            }
        } finally {
            workers.shutdownNow();
        }
        return new Result(ok.sum(), conflicts.sum(), serverErrors.sum(), otherErrors.sum(),
                measure.toNanos() / 1e9, recorder.getIntervalHistogram());
    }
}
