package io.govlife.query.composition;

import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * The open live streams of this node and what each has been sent. Changes are found by reading the composition
 * read model, not pushed by the projection: with several nodes, the event behind a change may be handled on any of
 * them, while the console's stream is open on one.
 */
@Component
class GovStreams {

    private final CompositionRepository repository;
    private final Map<String, Set<Watcher>> open = new ConcurrentHashMap<>();

    GovStreams(CompositionRepository repository) {
        this.repository = repository;
    }

    /** Sends the gov as it is now, then again whenever its version moves on, until the stream ends. */
    void watch(String gov, GovView now, SseEmitter emitter, BooleanSupplier allowed) {
        Watcher watcher = new Watcher(emitter, allowed);
        watcher.offer(now);
        open.computeIfAbsent(gov, key -> ConcurrentHashMap.newKeySet()).add(watcher);
        Runnable close = () -> open.computeIfPresent(gov, (key, watchers) -> {
            watchers.remove(watcher);
            return watchers.isEmpty() ? null : watchers;
        });
        emitter.onCompletion(close);
        emitter.onTimeout(close);
        emitter.onError(error -> close.run());
    }

    @Scheduled(fixedDelayString = "${govlife.stream.poll-interval:PT0.25S}")
    void sendChanges() {
        open.forEach((gov, watchers) -> {
            Optional<GovView> view = repository.view(gov);
            view.ifPresent(current -> watchers.forEach(watcher -> watcher.offer(current)));
        });
    }

    /** Ends the streams whose caller may no longer read them (token revoked or expired since they opened). */
    @Scheduled(fixedDelayString = "${govlife.stream.recheck-interval:PT5S}")
    void endRevoked() {
        open.values().forEach(watchers -> watchers.stream().filter(watcher -> !watcher.allowed.getAsBoolean())
                .forEach(watcher -> watcher.emitter.complete()));
    }

    private static final class Watcher {

        private final SseEmitter emitter;
        private final BooleanSupplier allowed;
        private long sent = -1;

        Watcher(SseEmitter emitter, BooleanSupplier allowed) {
            this.emitter = emitter;
            this.allowed = allowed;
        }

        synchronized void offer(GovView view) {
            if (view.version() <= sent) {
                return;
            }
            try {
                emitter.send(SseEmitter.event().id(Long.toString(view.version())).name("gov")
                        .data(view, MediaType.APPLICATION_JSON));
                sent = view.version();
            } catch (IOException | IllegalStateException gone) {
                emitter.completeWithError(gone);
            }
        }
    }
}
