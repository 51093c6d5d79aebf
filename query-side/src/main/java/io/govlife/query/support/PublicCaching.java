package io.govlife.query.support;

import org.springframework.http.CacheControl;

import java.time.Duration;

/**
 * How long a shared cache (a CDN in front of govlife) may keep what integrators read in public. Every answer that
 * sets none of these keeps Spring Security's {@code no-cache, no-store}: its header writer only writes when the
 * controller has not (FingerprintLookupIT checks both), so private reads stay uncached by default.
 */
public final class PublicCaching {

    /**
     * A numbered revision, or a diff between two, never changes: a year, and {@code immutable} so a browser does not
     * even revalidate on reload.
     */
    public static final CacheControl IMMUTABLE = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    /**
     * What the next publication changes (the current config, the revisions list, the handshake page, a lookup):
     * five seconds. A cutover sends thousands of integrators to the same few URLs at once and a CDN answers them
     * from one fetch, while a publication reaches everyone within five seconds — about as long as the read models
     * may take to see it anyway. {@code no-cache} would revalidate every request at the origin, which is the load
     * the cache is there to take; after five seconds a cache revalidates with the {@code ETag} and gets a 304.
     */
    public static final CacheControl BRIEF = CacheControl.maxAge(Duration.ofSeconds(5)).cachePublic();

    private PublicCaching() {
    }
}
