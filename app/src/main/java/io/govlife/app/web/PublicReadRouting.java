package io.govlife.app.web;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.accept.ContentNegotiationManager;

/** Routes the public reads ahead of the rest of the API ({@link PublicReadHandlerMapping}). */
@Configuration(proxyBeanMethods = false)
class PublicReadRouting {

    /**
     * The same content negotiation as the main mapping, so a {@code produces} condition matches exactly when it
     * would there. No interceptors: the public reads answer bytes rendered at publication, no view.
     */
    @Bean
    PublicReadHandlerMapping publicReadHandlerMapping(
            @Qualifier("mvcContentNegotiationManager") ContentNegotiationManager contentNegotiation) {
        PublicReadHandlerMapping mapping = new PublicReadHandlerMapping();
        mapping.setOrder(Ordered.HIGHEST_PRECEDENCE);
        mapping.setContentNegotiationManager(contentNegotiation);
        return mapping;
    }
}
