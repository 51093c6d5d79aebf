/**
 * Every place govlife subclasses, patches or re-wires Axon Framework or H2 — and nothing else. Read this
 * list on every Axon or H2 upgrade: the entries marked <b>internal</b> lean on something the library
 * does not promise to keep, and their pinning test is the one to run first.
 *
 * <table>
 * <caption>The patches, why each exists, what justified it, and the test that fails without it</caption>
 * <tr><th>Patch</th><th>Why</th><th>Measured / justified by</th><th>Pinned by</th></tr>
 * <tr><td>{@link io.govlife.app.axon.IndexedEventQueries} — three of the statements Axon's
 *     {@code JdbcEventStorageEngine} builder takes in place of its own</td>
 *     <td>Axon's {@code (globalIndex > ? AND globalIndex <= ?) OR globalIndex IN (gaps)} cannot use an index on H2;
 *     a gov's events and its last sequence number are read from the top of the (aggregate, sequence) index.</td>
 *     <td>a sixth of the CPU at 16 writers on a log of a few hundred thousand events (BENCHMARKS.md)</td>
 *     <td>EventLogQueriesIT; StorageIT {@code h2_reads_a_gov_s_events_in_the_order_of_their_index…}</td></tr>
 * <tr><td>{@link io.govlife.app.axon.CheckedCachingRepository} — <b>internal</b>: overrides the protected
 *     {@code doLoadWithLock} and {@code validateOnLoad} of {@code CachingEventSourcingRepository}</td>
 *     <td>a cached gov is trusted only while the log's last sequence number agrees (another node may have
 *     written it); a stale {@code If-Match} is refused on load, before any rule runs.</td>
 *     <td>loading a gov was the largest cost of a command after the commit (BENCHMARKS.md)</td>
 *     <td>TwoNodesIT {@code a_node_decides_on_the_gov_as_the_log_has_it…}; VersionCheckFirstIT</td></tr>
 * <tr><td>{@link io.govlife.app.axon.ProcessorExecutors} — <b>internal</b>: relies on the pooled streaming
 *     processor's coordinator waiting 100 ms when a work package's buffer is full</td>
 *     <td>a finished batch wakes the coordinator instead of leaving work packages idle.</td>
 *     <td>replay at ~10,000 events/s with threads idle three quarters of the time, before (BENCHMARKS.md)</td>
 *     <td>ProcessorExecutorsTest</td></tr>
 * <tr><td>{@link io.govlife.app.axon.LiveOnlyMetrics} — replaces Axon's {@code MetricsConfigurerModule}, relying on
 *     its auto-configuration backing off ({@code @ConditionalOnMissingBean}); otherwise every live message would be
 *     counted twice</td>
 *     <td>a replayed event skips the processor meters, whose capacity and latency monitors look up their gauges
 *     at every message.</td>
 *     <td>9 % of a rebuild's work-package CPU (BENCHMARKS.md)</td>
 *     <td>LiveOnlyMetricsTest; OperationsIT {@code prometheus_counts_accepted_and_rejected_commands_and_shows_axons_meters}</td></tr>
 * <tr><td>{@link io.govlife.app.axon.StableNameSerializer} — overrides {@code typeForClass} and
 *     {@code resolveClassName} of {@code JacksonSerializer}</td>
 *     <td>events are stored under the names of {@code StoredEventTypes}, so moving or renaming a class never
 *     breaks the log.</td>
 *     <td>the audit trail must read for years</td>
 *     <td>StorageIT {@code events_are_stored_under_stable_names…}; StoredEventTypesTest; LogFixtureReplayIT</td></tr>
 * <tr><td>V42 (migration): the global index and the saga association id default to the next value of the
 *     sequences Hibernate drew from before</td>
 *     <td>Axon's JDBC stores insert without those ids; one global index per event (increment 1), so streaming
 *     processors see the order of the inserts, not gaps.</td>
 *     <td>gaps at every concurrent write</td>
 *     <td>StorageIT {@code the_global_index_sequence_allocates_one_id_per_event}; PostgresIT</td></tr>
 * <tr><td>{@link io.govlife.app.axon.H2FileCompaction} — drives H2's {@code MVStore.compact}</td>
 *     <td>{@code WRITE_DELAY=0} (durable answers) stops H2's background writer, and the file grew ~20 KB a command.</td>
 *     <td>8.6 GB for 300,000 events, before (BENCHMARKS.md)</td>
 *     <td>H2FileCompactionTest; StorageIT {@code the_h2_file_is_kept_compacted…}</td></tr>
 * <tr><td>{@link io.govlife.app.axon.SegmentShare} (with {@link io.govlife.app.messaging.NodeMembership}), Axon's
 *     {@code maxSegmentProvider}</td>
 *     <td>without Axon Server nothing spreads a processor's segments over the nodes sharing the database: each node
 *     holds at most its fair share, counted at each heartbeat.</td>
 *     <td>the first node up otherwise claims every segment</td>
 *     <td>TwoNodesIT {@code each_processor_s_segments_are_split_between_the_two_nodes}</td></tr>
 * <tr><td>{@link io.govlife.app.axon.TracingConfiguration}, {@link io.govlife.app.axon.LogContext}; the
 *     {@code axon-tracing-opentelemetry} version pinned in the root pom</td>
 *     <td>Axon's spans from Spring Boot's OpenTelemetry (Axon's default reads {@code GlobalOpenTelemetry}, which Boot
 *     never sets), and trace and correlation ids in the log context of Axon's handler threads. axon-bom 4.13.0 names
 *     an {@code axon-tracing-opentelemetry} 4.13.0 that Maven Central does not have: re-check on an upgrade.</td>
 *     <td>—</td>
 *     <td>TracingIT; LogContextTest</td></tr>
 * <tr><td>{@code StorageConfiguration}, {@code ProcessingConfiguration}, {@code MessagingConfiguration}</td>
 *     <td>the wiring: Axon's JDBC event store with the queries above, the snake_case names of the tables V1 made for
 *     Hibernate for it and for Axon's JDBC token and saga stores, pooled streaming processors with the
 *     executors above and a token store claiming in this node's name, one Jackson serializer for everything
 *     (never XStream).</td>
 *     <td>—</td>
 *     <td>StorageIT; TwoNodesIT; AxonServerProfileIT</td></tr>
 * </table>
 * <p>
 * Some Axon extensions live outside this package because they belong to the read models they serve, in
 * {@code io.govlife.query.processor}: {@code ReplayScope}, a {@code HandlerEnhancerDefinition} that lets a reset of the
 * shared read-model processor rebuild one read model only (pinned by ReplayIT, ReplayScopeTest) — <b>internal</b>: it
 * reads the replay token a segment's {@code TrackerStatus} holds, which {@code getTrackingToken()} unwraps;
 * {@code ScopedDeadLetterQueue}, which keeps a replay for one read model out of another's dead-letter queue
 * (ScopedDeadLetterQueueTest, DeadLettersIT); {@code SegmentOperations}, which splits and merges segments in the token
 * store as Axon's {@code SplitTask} and {@code MergeTask} do, for all nodes at once, and refuses a merge Axon's pooled
 * processor would replay events into (SegmentOperationsTest, TwoNodesIT); and {@code ProcessorControl}, which on a
 * pause stores how far each segment got because the pooled processor stores it lazily (TwoNodesIT). The gov aggregate's own collaborators (clock,
 * snapshot trigger, cache) are wired in {@code io.govlife.app.config.GovConfiguration} (pinned by SnapshotsUnderLoadIT).
 */
package io.govlife.app.axon;
