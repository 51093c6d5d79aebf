package io.govlife.app;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's files and the chart library's WebJar are the only static resources (besides springdoc's Swagger UI).
 * Mapped at {@code /**}, every link a page renders was looked up on the classpath through the WebJars resource
 * chain, which held the handshake page to a few hundred answers a second (BENCHMARKS.md).
 */
class StaticFilesIT extends LiveApplication {

    @Autowired
    private ResourceUrlProvider resources;

    @Test
    void only_the_console_and_webjars_are_served_as_static_files() {
        assertThat(resources.getHandlerMap().keySet()).contains("/console/**", "/webjars/**").doesNotContain("/**")
                .allMatch(pattern -> pattern.startsWith("/console/") || pattern.startsWith("/webjars/")
                        || pattern.startsWith("/swagger-ui"), "the console, the WebJars or springdoc's Swagger UI");

        Api.Reply script = api.send("GET", "/console/api.js", null, "-X-Operator");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.contentType()).startsWith("text/javascript");
        Api.Reply chart = api.send("GET", "/webjars/uplot/dist/uPlot.min.css", null, "-X-Operator");
        assertThat(chart.status()).isEqualTo(200);
        assertThat(chart.contentType()).startsWith("text/css");
    }
}
