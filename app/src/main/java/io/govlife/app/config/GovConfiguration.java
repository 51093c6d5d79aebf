package io.govlife.app.config;

import io.govlife.command.gov.BumpPolicy;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
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

    /** Named in {@code @Aggregate(snapshotTriggerDefinition = ...)} on {@code Gov}. */
    @Bean
    SnapshotTriggerDefinition govSnapshotTrigger(Snapshotter snapshotter, GovlifeProperties properties) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, properties.snapshotThreshold());
    }
}
