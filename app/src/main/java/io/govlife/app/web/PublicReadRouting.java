package io.govlife.app.web;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Routes the public reads ahead of the rest of the API ({@link PublicReadHandlerMapping}). */
@Configuration(proxyBeanMethods = false)
class PublicReadRouting {

    /**
     * Matching as the main mapping matches (its path parser and prefixes, its content negotiation for
     * {@code produces}), so a path and a media type match here exactly when they would there. No interceptors: the
     * public reads answer bytes rendered at publication, no view.
     */
    @Bean
    PublicReadHandlerMapping publicReadHandlerMapping(
            @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping main) {
        PublicReadHandlerMapping mapping = new PublicReadHandlerMapping();
        mapping.setOrder(Ordered.HIGHEST_PRECEDENCE);
        mapping.setPatternParser(main.getPatternParser());
        mapping.setPathPrefixes(main.getPathPrefixes());
        mapping.setContentNegotiationManager(main.getContentNegotiationManager());
        return mapping;
    }
}
