package io.govlife.app.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.time.Duration;

/** Every {@code govlife.*} setting, each also settable as the matching environment variable. */
@ConfigurationProperties("govlife")
public record GovlifeProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue Bump bump,
        @DefaultValue("100") int snapshotThreshold,
        @DefaultValue Http http) {

    public record Bump(@DefaultValue("PT24H") Duration minimumNotice,
                       @DefaultValue("PT6H") Duration reminderBefore) {
    }

    public record Http(@DefaultValue("64KB") DataSize maxBodySize) {
    }
}
