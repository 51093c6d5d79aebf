package io.govlife.app.config;

import io.govlife.command.gov.BumpPolicy;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** The gov aggregate's collaborators: its clock, its bump policy, its snapshot trigger. */
@Configuration(proxyBeanMethods = false)
class GovConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    BumpPolicy bumpPolicy(GovlifeProperties properties) {
        return new BumpPolicy(properties.bump().minimumNotice());
    }

    /**
     * Axon's snapshotter, but taking snapshots on a thread of its own. By default it runs on the command's thread
     * after the commit, while that thread still holds its connection, and asks the pool for a second one: with every
     * connection held by such commands, they all waited out the pool's timeout (found at 64 concurrent writers).
     * A snapshot is only a shortcut for loading, so when the queue is full one is dropped, not waited for.
     */
    @Bean
    SpringAggregateSnapshotter aggregateSnapshotter(org.axonframework.config.Configuration configuration,
                                                    HandlerDefinition handlerDefinition,
                                                    ParameterResolverFactory parameterResolverFactory,
                                                    EventStore eventStore, TransactionManager transactionManager,
                                                    SnapshotterSpanFactory spanFactory) {
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(configuration::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .spanFactory(spanFactory)
                .executor(snapshotExecutor())
                .build();
    }

    private static ThreadPoolTaskExecutor snapshotExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setQueueCapacity(1000);
        executor.setThreadNamePrefix("snapshotter-");
        executor.setRejectedExecutionHandler(new java.util.concurrent.ThreadPoolExecutor.DiscardPolicy());
        executor.setDaemon(true); // a snapshot cut short at exit rolls back; nothing waits for it
        executor.initialize();
        return executor;
    }

    /** Named in {@code @Aggregate(snapshotTriggerDefinition = ...)} on {@code Gov}. */
    @Bean
    SnapshotTriggerDefinition govSnapshotTrigger(Snapshotter snapshotter, GovlifeProperties properties) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, properties.snapshotThreshold());
    }
}
