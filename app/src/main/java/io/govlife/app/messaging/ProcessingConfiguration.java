package io.govlife.app.messaging;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every event processor is a pooled streaming processor: its token sits in the token store and is updated in the
 * same transaction as the read model it feeds, so a crash can neither skip nor repeat an event; it can be reset to
 * replay; and its segments spread over nodes. Events are handled in batches so a replay is not one commit per event.
 */
@Configuration(proxyBeanMethods = false)
class ProcessingConfiguration {

    static final int BATCH_SIZE = 100;

    @Bean
    ConfigurerModule pooledStreamingProcessors() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .usingPooledStreamingEventProcessors((config, builder) -> builder.batchSize(BATCH_SIZE)));
    }
}
