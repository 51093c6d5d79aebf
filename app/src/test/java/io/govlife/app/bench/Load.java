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
 * answered, for a warm-up then a measured period. Latencies go to an HdrHistogram (microseconds), one for the whole
 * measured period and one per window of it, so the first minute after a start can be seen 10 s at a time.
 */
final class Load {

    record Result(long ok, long conflicts, long serverErrors, long otherErrors, double seconds, Histogram latency,
                  List<Window> windows) {

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

    /** One stretch of the measured period: answers 2xx per second and latencies, by when the answer came. */
    record Window(double okPerSecond, Histogram latency) {

        double millisAt(double percentile) {
            return latency.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Load() {
    }

    static Result run(int concurrency, Duration warmup, Duration measure, Duration window,
                      Supplier<HttpRequest> next) throws Exception {
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + measure.toNanos();
        long windowNanos = Math.max(1, window.toNanos());
        int windowCount = (int) Math.max(1, (measure.toNanos() + windowNanos - 1) / windowNanos);
        Recorder recorder = new Recorder(3);
        List<Recorder> windowRecorders = new ArrayList<>();
        List<LongAdder> windowOks = new ArrayList<>();
        for (int w = 0; w < windowCount; w++) {
            windowRecorders.add(new Recorder(3));
            windowOks.add(new LongAdder());
        }
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
                        long micros = Math.max(1, (answered - sent) / 1000);
                        int inWindow = (int) Math.min(windowCount - 1, (answered - measureFrom) / windowNanos);
                        recorder.recordValue(micros);
                        windowRecorders.get(inWindow).recordValue(micros);
                        if (status >= 200 && status < 300) {
                            ok.increment();
                            windowOks.get(inWindow).increment();
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
        List<Window> windows = new ArrayList<>();
        for (int w = 0; w < windowCount; w++) {
            double seconds = Math.min(windowNanos, measure.toNanos() - (long) w * windowNanos) / 1e9;
            windows.add(new Window(windowOks.get(w).sum() / seconds, windowRecorders.get(w).getIntervalHistogram()));
        }
        return new Result(ok.sum(), conflicts.sum(), serverErrors.sum(), otherErrors.sum(),
                measure.toNanos() / 1e9, recorder.getIntervalHistogram(), windows);
    }
}
