package io.govlife.query.composition;

import io.govlife.query.support.QueryProblems;
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

    GovStreamController(CompositionRepository repository, GovStreams streams) {
        this.repository = repository;
        this.streams = streams;
    }

    @GetMapping(path = "/api/govs/{gov}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@PathVariable String gov) {
        GovView now = repository.view(gov).orElseThrow(() -> QueryProblems.noSuchGov(gov));
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
        streams.watch(gov, now, emitter);
        return emitter;
    }
}
