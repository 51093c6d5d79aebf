package io.govlife.query.composition;

import io.govlife.events.gov.RuleViolation;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.Duration;

/**
 * {@code GET /api/govs/{gov}/stream}: the gov's state now, then again after every change, as server-sent events,
 * for consoles that stay open.
 */
@RestController
class GovStreamController {

    static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);

    private final CompositionRepository repository;
    private final GovStreams streams;
    private final StreamGuard guard;

    GovStreamController(CompositionRepository repository, GovStreams streams,
                        ObjectProvider<StreamGuard> guard) {
        this.repository = repository;
        this.streams = streams;
        this.guard = guard.getIfAvailable(() -> request -> () -> true);
    }

    @GetMapping(path = "/api/govs/{gov}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@PathVariable String gov, HttpServletRequest request) {
        GovView now = repository.view(gov).orElseThrow(() -> RuleViolation.govNotFound(gov));
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
        streams.watch(gov, now, emitter, guard.stillAllowed(request));
        return emitter;
    }
}
