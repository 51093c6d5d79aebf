package io.govlife.query.composition;

import jakarta.servlet.http.HttpServletRequest;

import java.util.function.BooleanSupplier;

/**
 * Whether the caller who opened a live stream may still receive it. A stream outlives the check made when it was
 * opened; the assembly that knows about credentials (a token revoked or expired since) answers this, and the stream
 * ends when the answer turns false.
 */
public interface StreamGuard {

    BooleanSupplier stillAllowed(HttpServletRequest request);
}
