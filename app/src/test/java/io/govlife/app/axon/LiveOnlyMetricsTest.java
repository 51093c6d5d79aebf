package io.govlife.app.axon;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.springboot.MetricsProperties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Which events a processor's meters count: live ones, never a replay's. */
class LiveOnlyMetricsTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private MessageMonitor<? super TrackedEventMessage<?>> readModelsMonitor(boolean dimensional) {
        MetricsProperties properties = new MetricsProperties();
        properties.getMicrometer().setDimensional(dimensional);
        var configurer = DefaultConfigurer.defaultConfiguration();
        new LiveOnlyMetrics().liveOnlyMetricsConfigurerModule(new GlobalMetricRegistry(meters), properties)
                .configureModule(configurer);
        Configuration configuration = configurer.buildConfiguration();
        return configuration.messageMonitor(PooledStreamingEventProcessor.class, "read-models");
    }

    private static TrackedEventMessage<String> at(TrackingToken token) {
        return new GenericTrackedEventMessage<>(token, GenericEventMessage.asEventMessage("GovCreated"));
    }

    private double counted() {
        return meters.getMeters().stream().filter(Counter.class::isInstance)
                .mapToDouble(meter -> ((Counter) meter).count()).sum();
    }

    /** Dimensional meters are named {@code eventProcessor.*} and tagged; without dimensions, after the processor. */
    @ParameterizedTest(name = "dimensional: {0}")
    @CsvSource({"true, eventProcessor", "false, read-models"})
    void a_live_event_is_counted_by_the_processor_s_meters(boolean dimensional, String meterPrefix) {
        readModelsMonitor(dimensional).onMessageIngested(at(new GlobalSequenceTrackingToken(11))).reportSuccess();

        assertThat(counted()).isPositive();
        assertThat(meters.getMeters()).anySatisfy(meter -> assertThat(meter.getId().getName())
                .startsWith(meterPrefix));
    }

    @ParameterizedTest(name = "dimensional: {0}")
    @ValueSource(booleans = {true, false})
    void a_replayed_event_is_not(boolean dimensional) {
        readModelsMonitor(dimensional).onMessageIngested(at(ReplayToken.createReplayToken(
                new GlobalSequenceTrackingToken(10), new GlobalSequenceTrackingToken(4)))).reportSuccess();

        assertThat(counted()).isZero();
    }
}
