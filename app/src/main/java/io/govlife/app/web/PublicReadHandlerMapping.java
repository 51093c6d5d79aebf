package io.govlife.app.web;

import io.govlife.query.support.PublicRead;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.Set;

/**
 * The handlers of {@link PublicRead} controllers, consulted before any other mapping. Spring MVC routes a path with
 * variables by trying each of the API's mappings in turn, and every request is routed twice: once by the cache
 * filter Spring Security puts in front of its chain, once by the dispatcher. For the reads many integrators poll
 * that was an eighth of the node's CPU (bench/read-path.md); here only the public mappings are tried.
 * <p>
 * A fast path, not a second authority: the main mapping still holds these handlers, and whatever this one does not
 * match exactly (another method, an unacceptable media type, another path) it leaves to the main mapping, so every
 * refusal (405, 406, 404) is the one the main mapping gives. {@code PublicReadRoutingIT} checks that no other
 * handler of the API could claim a path this one takes.
 */
final class PublicReadHandlerMapping extends RequestMappingHandlerMapping {

    @Override
    protected boolean isHandler(Class<?> beanType) {
        return super.isHandler(beanType) && AnnotatedElementUtils.hasAnnotation(beanType, PublicRead.class);
    }

    @Override
    protected HandlerMethod handleNoMatch(Set<RequestMappingInfo> infos, String lookupPath,
                                          HttpServletRequest request) {
        return null;
    }
}
