package io.govlife.query.support;

import io.govlife.query.QuerySideProperties;

import java.nio.file.Path;
import java.time.Duration;

/** The read side's settings as the application's defaults give them, public answers re-checked after {@code recheck}. */
public final class Settings {

    private Settings() {
    }

    public static QuerySideProperties withRecheck(Duration recheck) {
        return new QuerySideProperties("http://localhost:8080",
                new QuerySideProperties.Stream(Duration.ofMillis(250), Duration.ofSeconds(5)), Path.of("./data"),
                new QuerySideProperties.Audit(""), new QuerySideProperties.PublicReads(recheck));
    }

    /** Longer than any test: what a test reads from a public answer changed only because a projection said so. */
    public static QuerySideProperties recheckingNever() {
        return withRecheck(Duration.ofSeconds(30));
    }
}
