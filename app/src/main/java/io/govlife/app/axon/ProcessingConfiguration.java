package io.govlife.app.axon;

import io.govlife.app.messaging.NodeMembership;
import io.govlife.app.config.GovlifeProperties;
import io.govlife.query.processor.ThisNode;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Every event processor is a pooled streaming processor: its token sits in the token store and is updated in the
 * same transaction as the read model it feeds, so a crash can neither skip nor repeat an event; it can be reset to
 * replay; and its segments spread over the nodes sharing the database. Events are handled in batches so a replay is
 * not one commit per event.
 */
@Configuration(proxyBeanMethods = false)
class ProcessingConfiguration {

    @Bean
    ConfigurerModule pooledStreamingProcessors(GovlifeProperties properties, SegmentShare share) {
        long claimInterval = properties.node().tokenClaimInterval().toMillis();
        GovlifeProperties.Processing processing = properties.processing();
        return configurer -> configurer.eventProcessing(eventProcessing -> eventProcessing
                .usingPooledStreamingEventProcessors((config, builder) -> {
                    // Axon asks for each pool by the processor's name; both must be the same pair
                    Map<String, ProcessorExecutors> executors = new ConcurrentHashMap<>();
                    Function<String, ProcessorExecutors> pair = name -> executors.computeIfAbsent(name, created -> {
                        ProcessorExecutors made = new ProcessorExecutors(created);
                        config.onShutdown(made::shutdown);
                        return made;
                    });
                    return builder.batchSize(processing.batchSize())
                            .initialSegmentCount(processing.segments()).tokenClaimInterval(claimInterval)
                            .maxSegmentProvider(share::of)
                            .coordinatorExecutor(name -> pair.apply(name).coordinator())
                            .workerExecutor(name -> pair.apply(name).workPackages());
                }));
    }

    @Bean
    NodeMembership nodeMembership(GovlifeProperties properties, JdbcTemplate jdbc, Clock clock) {
        return new NodeMembership(properties.node(), jdbc, clock);
    }

    /** Axon's own token store, but claiming in this node's name: its default (pid@host) is shared by two nodes in one JVM. */
    @Bean
    TokenStore tokenStore(@Qualifier("serializer") Serializer serializer, ConnectionProvider connectionProvider,
                          TokenSchema schema, TokenStoreProperties tokenStore, NodeMembership node) {
        return JdbcTokenStore.builder().connectionProvider(connectionProvider).schema(schema).serializer(serializer)
                .claimTimeout(tokenStore.getClaimTimeout()).nodeId(node.id()).build();
    }

    /** The read side names the segment claims it shows; which of them are this node's, only the assembly knows. */
    @Bean
    ThisNode thisNode(NodeMembership node) {
        return node::id;
    }

    @Bean
    SegmentShare segmentShare(NodeMembership node, JdbcTemplate jdbc) {
        return new SegmentShare(node, jdbc);
    }
}
