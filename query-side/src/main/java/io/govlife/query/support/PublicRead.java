package io.govlife.query.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A controller integrators poll without a token (config, handshake page, fingerprint lookup, changelog): the node
 * finds these handlers first, in a handler mapping of their own (the app's {@code PublicReadHandlerMapping}), so a
 * request from one of many integrators is not routed by trying each of the API's mappings in turn. It grants no
 * access: who may read what is the app's {@code SecurityConfiguration}'s alone.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface PublicRead {
}
