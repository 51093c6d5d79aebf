package io.govlife.app.config;

import io.govlife.app.axon.CheckedCachingRepository;
import io.govlife.command.gov.BumpPolicy;
import io.govlife.command.gov.Gov;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.EhCache3Adapter;
import org.axonframework.common.caching.NoCache;
import org.ehcache.CacheManager;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.core.Ehcache;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.modelling.command.Repository;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.snapshotting.RevisionSnapshotFilter;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
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

/** The gov aggregate's collaborators: its clock, its bump policy, its snapshot trigger, its repository. */
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

    /** Named in {@code @Aggregate(snapshotFilter = ...)} on {@code Gov}: snapshots of another shape are ignored. */
    @Bean
    SnapshotFilter govSnapshotFilter() {
        // the aggregate type is stored by its simple name (Axon's default); type(Class) would compare the full one
        return RevisionSnapshotFilter.builder().type(Gov.class.getSimpleName()).revision(Gov.SNAPSHOT_REVISION)
                .build();
    }

    @Bean
    SnapshotTriggerDefinition govSnapshotTrigger(Snapshotter snapshotter, GovlifeProperties properties) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, properties.snapshotThreshold());
    }

    /**
     * Named in {@code @Aggregate(repository = ...)} on {@code Gov}: the log, snapshots, and a cache of the govs this
     * node used last ({@code govlife.gov-cache-size} of them, about the least recently used out first; 0: none).
     * Axon's weak-reference cache was tried first: it held each entry only until the next young collection, so
     * under load it missed.
     */
    @Bean
    Repository<Gov> govRepository(EventStore eventStore, SnapshotTriggerDefinition govSnapshotTrigger,
                                  ParameterResolverFactory parameterResolverFactory,
                                  HandlerDefinition handlerDefinition, CacheManager govCaches,
                                  GovlifeProperties properties) {
        Cache cache = properties.govCacheSize() == 0 ? NoCache.INSTANCE : new EhCache3Adapter((Ehcache) govCaches
                .createCache("govs", CacheConfigurationBuilder.newCacheConfigurationBuilder(Object.class, Object.class,
                        ResourcePoolsBuilder.heap(properties.govCacheSize()))));
        return new CheckedCachingRepository<>(EventSourcingRepository.builder(Gov.class)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .snapshotTriggerDefinition(govSnapshotTrigger), cache, eventStore);
    }

    @Bean(destroyMethod = "close")
    CacheManager govCaches() {
        return CacheManagerBuilder.newCacheManagerBuilder().build(true);
    }
}
