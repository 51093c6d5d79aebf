package io.govlife.app.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code govlife.bump.minimum-notice} of zero or less would make every bump "short notice": start-up refuses it. */
class MinimumNoticeTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(GovlifeProperties.class)
    static class Properties {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Properties.class);

    @ParameterizedTest
    @ValueSource(strings = {"PT0S", "0", "-PT1H", "-1s"})
    void start_up_fails_naming_the_setting_when_it_is_not_positive(String notice) {
        context.withPropertyValues("govlife.bump.minimum-notice=" + notice).run(started -> {
            assertThat(started).hasFailed();
            assertThat(started.getStartupFailure()).rootCause()
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("govlife.bump.minimum-notice")
                    .hasMessageContaining("must be positive");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT0S", "-PT1H"})
    void a_reminder_at_or_after_the_cutover_is_refused_too(String before) {
        context.withPropertyValues("govlife.bump.reminder-before=" + before).run(started -> {
            assertThat(started).hasFailed();
            assertThat(started.getStartupFailure()).rootCause()
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("govlife.bump.reminder-before")
                    .hasMessageContaining("must be positive");
        });
    }

    @Test
    void a_positive_notice_starts_and_the_default_is_a_day() {
        context.withPropertyValues("govlife.bump.minimum-notice=PT2S").run(started -> {
            assertThat(started).hasNotFailed();
            assertThat(started.getBean(GovlifeProperties.class).bump().minimumNotice()).isEqualTo(Duration.ofSeconds(2));
        });
        context.run(started -> assertThat(started.getBean(GovlifeProperties.class).bump().minimumNotice())
                .isEqualTo(Duration.ofHours(24)));
    }
}
