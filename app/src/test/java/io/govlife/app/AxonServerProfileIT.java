package io.govlife.app;

import io.govlife.GovlifeApplication;
import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.axonserver.connector.query.AxonServerQueryBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.LifecycleProcessor;
import org.springframework.context.support.AbstractApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code axonserver} profile wires Axon Server as event store and command and query router, with the server,
 * context and token taken from properties. CI has no Axon Server (it needs Docker), so the first test builds every
 * bean of the application but starts none of them: nothing connects, and none listens at the address anyway.
 */
class AxonServerProfileIT {

    @Test
    void the_axonserver_profile_routes_events_commands_and_queries_through_axon_server() {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(GovlifeApplication.class)
                .profiles("axonserver")
                .initializers(context -> context.getBeanFactory().registerSingleton(
                        AbstractApplicationContext.LIFECYCLE_PROCESSOR_BEAN_NAME, new NothingStarts()))
                .run("--server.port=0", "--govlife.data-dir=" + LiveApplication.freshDataDir(),
                        "--axon.axonserver.servers=127.0.0.1:1", "--axon.axonserver.context=govs-test",
                        "--axon.axonserver.token=an-access-token")) {
            assertThat(app.getBean(EventStore.class)).isInstanceOf(AxonServerEventStore.class);
            assertThat(app.getBean(CommandBus.class)).isInstanceOf(AxonServerCommandBus.class);
            assertThat(app.getBean(QueryBus.class)).isInstanceOf(AxonServerQueryBus.class);
            AxonServerConfiguration server = app.getBean(AxonServerConfiguration.class);
            assertThat(server.getServers()).isEqualTo("127.0.0.1:1");
            assertThat(server.getContext()).isEqualTo("govs-test");
            assertThat(server.getToken()).isEqualTo("an-access-token");
            assertThat(server.getComponentName()).isEqualTo("govlife");
        }
    }

    /** Refreshing creates and wires every bean; starting (connecting, streaming events) is left out. */
    private static final class NothingStarts implements LifecycleProcessor {
        @Override
        public void onRefresh() {
        }

        @Override
        public void onClose() {
        }

        @Override
        public void start() {
        }

        @Override
        public void stop() {
        }

        @Override
        public boolean isRunning() {
            return false;
        }
    }

    @Test
    void without_the_profile_nothing_reaches_for_axon_server() {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(GovlifeApplication.class)
                .run("--server.port=0", "--govlife.data-dir=" + LiveApplication.freshDataDir())) {
            assertThat(app.getBean(EventStore.class)).isNotInstanceOf(AxonServerEventStore.class);
            assertThat(app.getBeanNamesForType(AxonServerConfiguration.class)).isEmpty();
            // the modules' queries of each other are answered in the asking thread, joining its transaction
            assertThat(app.getBean(QueryBus.class)).isExactlyInstanceOf(SimpleQueryBus.class);
        }
    }
}
