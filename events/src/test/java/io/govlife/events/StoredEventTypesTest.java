package io.govlife.events;

import io.govlife.events.gov.GovEvent;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class StoredEventTypesTest {

    @Test
    void every_gov_event_has_a_stored_name_and_a_revision() throws Exception {
        List<Class<?>> events = eventClasses();

        assertThat(events).as("event classes found on the class path").hasSizeGreaterThan(10);
        for (Class<?> event : events) {
            assertThat(StoredEventTypes.nameOf(event)).as("stored name of %s", event.getName()).isPresent();
            assertThat(event.getAnnotation(Revision.class)).as("@Revision on %s", event.getName()).isNotNull();
        }
        assertThat(StoredEventTypes.all()).hasSameSizeAs(events);
    }

    @Test
    void names_resolve_back_to_their_types() {
        StoredEventTypes.all().forEach((name, type) -> {
            assertThat(StoredEventTypes.typeNamed(name)).contains(type);
            assertThat(StoredEventTypes.nameOf(type)).contains(name);
        });
    }

    private static List<Class<?>> eventClasses() throws IOException, URISyntaxException {
        Path root = Path.of(GovEvent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> root.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .map(StoredEventTypesTest::load)
                    .filter(c -> GovEvent.class.isAssignableFrom(c) && !c.isInterface())
                    .toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
