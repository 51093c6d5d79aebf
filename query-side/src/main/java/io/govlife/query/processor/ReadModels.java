package io.govlife.query.processor;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * The read models, each its own processing group, all fed by one event processor: the log is read, each event
 * deserialised, and the token stored and committed once for all six instead of six times (see BENCHMARKS.md). One
 * read model is still rebuilt alone: {@link ReplayScope} keeps the others out of a replay that is not theirs.
 */
@Configuration(proxyBeanMethods = false)
class ReadModels {

    /** The processor that feeds every read model. */
    static final String PROCESSOR = "read-models";

    /** The processing groups that are read models; anything else (sagas, notices) is never replayed from here. */
    static final List<String> NAMES = List.of("composition", "revisions", "audit", "channel", "reports",
            "fingerprints");

    @Bean
    ConfigurerModule readModelsShareOneProcessor() {
        return configurer -> configurer.eventProcessing(processing -> NAMES.forEach(
                name -> processing.assignProcessingGroup(name, PROCESSOR)));
    }

    @Bean
    HandlerEnhancerDefinition replayScope() {
        return new ReplayScope();
    }
}
