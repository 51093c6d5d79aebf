package io.govlife.app;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jar ships what runs and nothing Axon's modules merely bring along: no XStream (Jackson is the serializer
 * everywhere), no disruptor (the command bus is the simple one), no Reactor (no subscription queries). CrashIT and
 * GracefulShutdownIT start this very jar, so its running without them is tested too.
 */
class PackagedJarIT {

    @Test
    void the_jar_leaves_out_what_govlife_does_not_use() throws IOException {
        List<String> libraries;
        try (JarFile jar = new JarFile(PackagedApp.jar())) {
            libraries = jar.stream().map(entry -> entry.getName()).filter(name -> name.startsWith("BOOT-INF/lib/"))
                    .map(name -> name.substring("BOOT-INF/lib/".length())).toList();
        }
        assertThat(libraries).as("the libraries the jar carries").anyMatch(name -> name.startsWith("axon-messaging-"))
                .anyMatch(name -> name.startsWith("jackson-databind-"));
        assertThat(libraries).noneMatch(name -> name.startsWith("xstream-"))
                .noneMatch(name -> name.startsWith("mxparser-"))
                .noneMatch(name -> name.startsWith("disruptor-"))
                .noneMatch(name -> name.startsWith("reactor-core-"));
    }
}
