package io.govlife.app.axon;

import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MetricsConfigurerModule;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitorCallback;
import org.axonframework.springboot.MetricsProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.annotation.Nonnull;

/**
 * Axon's meters of its buses and processors (as its own auto-configuration registers them), except for replayed
 * events. Axon's processor monitors look up their capacity and latency gauges again at every message: a rebuild
 * spent a tenth of its handling there (BENCHMARKS.md), to count events written months ago and time a latency that
 * is their age. A rebuild's progress is its processor's status ({@code /api/admin/projections}); while it runs, the
 * processor's latency gauge keeps its last live value and its capacity gauge falls off (README, "Metrics").
 */
@Configuration(proxyBeanMethods = false)
class LiveOnlyMetrics {

    /** Takes the place of Axon's own module (it backs off when one is there), registering the same meters. */
    @Bean
    @ConditionalOnProperty(value = "axon.metrics.auto-configuration.enabled", matchIfMissing = true)
    MetricsConfigurerModule liveOnlyMetricsConfigurerModule(GlobalMetricRegistry registry,
                                                            MetricsProperties properties) {
        boolean dimensional = properties.getMicrometer().isDimensional();
        return new MetricsConfigurerModule(registry, dimensional) {
            @Override
            @SuppressWarnings("unchecked")
            public void configureModule(@Nonnull Configurer configurer) {
                configurer.configureMessageMonitor(config -> (type, name) -> new LiveOnly((MessageMonitor<Message<?>>)
                        (dimensional ? registry.registerComponentWithDefaultTags(type, name)
                                : registry.registerComponent(type, name))));
            }
        };
    }

    record LiveOnly(MessageMonitor<Message<?>> live) implements MessageMonitor<Message<?>> {

        @Override
        public MonitorCallback onMessageIngested(@Nonnull Message<?> message) {
            return ReplayToken.isReplay(message) ? NoOpMessageMonitorCallback.INSTANCE
                    : live.onMessageIngested(message);
        }
    }
}
