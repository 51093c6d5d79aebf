package io.govlife.query.support;

import org.springframework.http.CacheControl;

import java.time.Duration;

/**
 * How long a CDN or browser may keep what integrators read without a token: what can never change (a numbered
 * revision, a diff between two) for good; what changes only when a gov publishes, bumps or retires, briefly.
 */
public final class PublicCaching {

    public static final CacheControl FOR_GOOD = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();
    public static final CacheControl BRIEFLY = CacheControl.maxAge(Duration.ofSeconds(30)).cachePublic();

    private PublicCaching() {
    }
}
