package io.govlife.app;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;

/** Test helpers for clients acting at once and for waiting on read models. */
public final class Concurrently {

    public interface Call {
        Api.Reply call(int i);
    }

    private Concurrently() {
    }

    /** Runs {@code call} once per writer, all at once, and answers every reply in writer order. */
    public static List<Api.Reply> run(int writers, Call call) throws Exception {
        return run(writers, writers, call);
    }

    /** Runs {@code call} for each of {@code tasks} indexes on {@code threads} threads; replies in index order. */
    public static List<Api.Reply> run(int tasks, int threads, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Api.Reply>> calls = IntStream.range(0, tasks)
                    .<Callable<Api.Reply>>mapToObj(i -> () -> call.call(i)).toList();
            List<Api.Reply> replies = new ArrayList<>();
            for (Future<Api.Reply> future : pool.invokeAll(calls)) {
                replies.add(future.get());
            }
            return replies;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Waits until every read model the node answering {@code api} processes has caught up with the log. */
    static void awaitProjections(Api api) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
            JsonNode projections = api.asAdmin("GET", "/api/admin/projections", null).json();
            for (JsonNode p : projections) {
                // a segment no node holds yet is projected by no one, however caught up the others are
                if (p.path("replaying").asBoolean() || p.path("position").isNull()
                        || p.path("position").asLong() < p.path("head").asLong()
                        || p.path("unclaimedSegments").asInt(-1) != 0) {
                    return false;
                }
            }
            return projections.size() > 0;
        });
    }
}
