package io.govlife.saga.notices;

import io.govlife.events.integrator.FindEnabledIntegratorEndpoints;
import io.govlife.events.integrator.FindSealedSigningSecrets;
import io.govlife.events.integrator.IntegratorEndpoint;
import io.govlife.events.integrator.IntegratorEndpoints;
import io.govlife.events.Name;
import io.govlife.events.integrator.SealedSigningSecrets;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for the command side's answers about its integrator directory, which these tests may not use (modules
 * see only each other's messages): a real Axon query bus, with handlers answering from what the test put here, as
 * the directory would (endpoints in name order, secrets newest first).
 */
final class IntegratorDirectoryAnswers {

    private final Map<String, TreeMap<String, String>> endpoints = new ConcurrentHashMap<>();
    private final Map<String, List<String>> secrets = new ConcurrentHashMap<>();
    final List<FindSealedSigningSecrets> secretsAsked = new CopyOnWriteArrayList<>();
    private final QueryGateway queries;

    IntegratorDirectoryAnswers() {
        SimpleQueryBus bus = SimpleQueryBus.builder().build();
        new AnnotationQueryHandlerAdapter<>(this).subscribe(bus);
        queries = DefaultQueryGateway.builder().queryBus(bus).build();
    }

    QueryGateway queries() {
        return queries;
    }

    /** An integrator of the gov whose endpoint is enabled. */
    IntegratorDirectoryAnswers endpoint(String gov, String integrator, String webhookUrl) {
        endpoints.computeIfAbsent(gov, g -> new TreeMap<>()).put(integrator, webhookUrl);
        return this;
    }

    /** The sealed secrets the integrator signs with, newest first. */
    IntegratorDirectoryAnswers secrets(String gov, String integrator, List<String> sealedNewestFirst) {
        secrets.put(gov + "/" + integrator, List.copyOf(sealedNewestFirst));
        return this;
    }

    @QueryHandler
    IntegratorEndpoints handle(FindEnabledIntegratorEndpoints query) {
        List<IntegratorEndpoint> enabled = new ArrayList<>();
        endpoints.getOrDefault(query.gov().value(), new TreeMap<>()).forEach((integrator, url) ->
                enabled.add(new IntegratorEndpoint(Name.of(integrator), url)));
        return new IntegratorEndpoints(enabled);
    }

    @QueryHandler
    SealedSigningSecrets handle(FindSealedSigningSecrets query) {
        secretsAsked.add(query);
        return new SealedSigningSecrets(secrets.getOrDefault(query.gov() + "/" + query.integrator(), List.of()));
    }
}
