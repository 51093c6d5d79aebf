package io.govlife.app.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

    /** The minimum notice, and the reminder's lead (a reminder at or after the cutover), must be positive. */
    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"govlife.bump.minimum-notice, PT0S", "govlife.bump.minimum-notice, 0",
            "govlife.bump.minimum-notice, -PT1H", "govlife.bump.minimum-notice, -1s",
            "govlife.bump.reminder-before, PT0S", "govlife.bump.reminder-before, -PT1H"})
    void start_up_fails_naming_the_setting_when_it_is_not_positive(String setting, String value) {
        context.withPropertyValues(setting + "=" + value).run(started -> {
            assertThat(started).hasFailed();
            assertThat(started.getStartupFailure()).rootCause()
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(setting)
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
