package io.govlife.query.composition;

import io.govlife.events.gov.FindGov;
import io.govlife.query.support.QueryProblems;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import reactor.core.Disposable;

import java.io.IOException;
import java.time.Duration;

/**
 * {@code GET /api/govs/{gov}/stream}: the gov's state now, then again after every change, as server-sent events,
 * for consoles that stay open. Backed by an Axon subscription query on {@link FindGov}.
 */
@RestController
class GovStreamController {

    static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);

    private final QueryGateway queries;
    private final CompositionRepository repository;

    GovStreamController(QueryGateway queries, CompositionRepository repository) {
        this.queries = queries;
        this.repository = repository;
    }

    @GetMapping(path = "/api/govs/{gov}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@PathVariable String gov) {
        repository.view(gov).orElseThrow(() -> QueryProblems.noSuchGov(gov));
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
        SubscriptionQueryResult<GovView, GovView> result = queries.subscriptionQuery(new FindGov(gov),
                ResponseTypes.instanceOf(GovView.class), ResponseTypes.instanceOf(GovView.class));
        Disposable subscription = result.initialResult().concatWith(result.updates())
                .subscribe(view -> send(emitter, view), emitter::completeWithError, emitter::complete);
        Runnable close = () -> {
            subscription.dispose();
            result.cancel();
        };
        emitter.onCompletion(close);
        emitter.onTimeout(close);
        emitter.onError(error -> close.run());
        return emitter;
    }

    private static void send(SseEmitter emitter, GovView view) {
        try {
            emitter.send(SseEmitter.event().id(Long.toString(view.version())).name("gov")
                    .data(view, MediaType.APPLICATION_JSON));
        } catch (IOException gone) {
            emitter.completeWithError(gone);
        }
    }
}
