package io.govlife.app;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public reads' own handler mapping (app.web.PublicReadHandlerMapping) is a fast path, not a second router: it is
 * asked first, takes only paths no other handler of the API could claim, picks there the handler the main mapping
 * would pick, and leaves every refusal to the main mapping.
 */
class PublicReadRoutingIT extends LiveApplication {

    @Autowired
    @Qualifier("publicReadHandlerMapping")
    RequestMappingHandlerMapping publicReads;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping main;
    @Autowired
    DispatcherServlet dispatcher;

    @Test
    void the_dispatcher_asks_the_public_reads_mapping_first_and_it_holds_the_integrators_reads() {
        // the dispatcher finds its handler mappings when it serves its first request
        assertThat(api.send("GET", "/actuator/health/liveness", null, "-X-Operator").status()).isEqualTo(200);
        List<HandlerMapping> mappings = dispatcher.getHandlerMappings();
        assertThat(mappings).isNotNull();
        assertThat(mappings.get(0)).isSameAs(publicReads);
        assertThat(publicReads.getHandlerMethods().values()).extracting(h -> h.getBeanType().getSimpleName())
                .containsOnly("RevisionController", "HandshakeController", "FingerprintController",
                        "ChannelController");
        assertThat(publicReads.getPatternParser()).isSameAs(main.getPatternParser());
        assertThat(publicReads.getContentNegotiationManager()).isSameAs(main.getContentNegotiationManager());
        // the main mapping still holds each, so whatever the fast path leaves to it is answered as before
        assertThat(main.getHandlerMethods().values()).extracting(HandlerMethod::getMethod)
                .containsAll(publicReads.getHandlerMethods().values().stream().map(HandlerMethod::getMethod)
                        .toList());
    }

    @Test
    void no_other_handler_of_the_api_could_claim_a_path_the_public_reads_mapping_takes() throws Exception {
        Set<java.lang.reflect.Method> publicMethods = Set.copyOf(publicReads.getHandlerMethods().values().stream()
                .map(HandlerMethod::getMethod).toList());
        List<String> checked = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> other : main.getHandlerMethods().entrySet()) {
            if (publicMethods.contains(other.getValue().getMethod())) {
                continue;
            }
            for (String path : examplePaths(other.getKey())) {
                for (String method : methods(other.getKey())) {
                    assertThat(handlerOf(publicReads, method, path))
                            .as("%s %s belongs to %s", method, path, other.getValue()).isNull();
                    checked.add(method + " " + path);
                }
            }
        }
        assertThat(checked).contains("GET /api/govs/x", "GET /api/govs/x/history", "POST /api/govs/x/publications",
                "GET /console/govs/x", "GET /fingerprints");
    }

    @Test
    void on_each_public_path_the_main_mapping_would_pick_the_same_handler() throws Exception {
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : publicReads.getHandlerMethods().entrySet()) {
            for (String path : examplePaths(entry.getKey())) {
                HandlerMethod fast = handlerOf(publicReads, "GET", path);
                HandlerMethod routed = handlerOf(main, "GET", path);
                assertThat(fast).as(path).isNotNull();
                assertThat(routed).as(path).isNotNull();
                assertThat(fast.getMethod()).as(path).isEqualTo(entry.getValue().getMethod())
                        .isEqualTo(routed.getMethod());
            }
        }
    }

    @Test
    void a_public_path_asked_with_another_method_or_media_type_is_left_to_the_main_mapping() throws Exception {
        MockHttpServletRequest post = new MockHttpServletRequest("POST", "/api/govs/x/config");
        ServletRequestPathUtils.parseAndCache(post);
        assertThat(publicReads.getHandler(post)).isNull();
        MockHttpServletRequest html = new MockHttpServletRequest("GET", "/api/govs/x/config");
        html.addHeader("Accept", "text/html");
        ServletRequestPathUtils.parseAndCache(html);
        assertThat(publicReads.getHandler(html)).isNull();
    }

    @Test
    void what_the_fast_path_does_not_match_gets_the_main_mappings_refusal() {
        String gov = uniqueGov();
        Api.Reply post = api.post("/api/govs/" + gov + "/config", "{}");
        assertThat(post.status()).as("%s", post).isEqualTo(405);
        assertThat(post.contentType()).startsWith("application/problem+json");
        assertThat(post.json().at("/errors/0/field").asText()).isEqualTo("method");

        Api.Reply html = api.send("GET", "/api/govs/" + gov + "/config", null, "-X-Operator", "Accept", "text/html");
        assertThat(html.status()).as("%s", html).isEqualTo(406);
        assertThat(html.json().at("/errors/0/field").asText()).isEqualTo("Accept");

        Api.Reply unknown = api.send("GET", "/api/govs/" + gov + "/config", null, "-X-Operator");
        assertThat(unknown.status()).as("%s", unknown).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
    }

    /** A path each of the mapping's patterns matches: every variable or wildcard segment spelled {@code x}. */
    private static List<String> examplePaths(RequestMappingInfo info) {
        return info.getPatternValues().stream()
                .map(pattern -> pattern.replaceAll("\\{\\*[^}]+}|\\{[^}]+}|\\*\\*|\\*", "x"))
                .toList();
    }

    private static List<String> methods(RequestMappingInfo info) {
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        return methods.isEmpty() ? List.of("GET", "POST") : methods.stream().map(Enum::name).toList();
    }

    private HandlerMethod handlerOf(RequestMappingHandlerMapping mapping, String method, String path)
            throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.addHeader("Accept", "*/*");
        request.setContentType("application/json");
        ServletRequestPathUtils.parseAndCache(request);
        HandlerExecutionChain chain;
        try {
            chain = mapping.getHandler(request);
        } catch (Exception refused) {
            if (mapping != main) { // the fast path refuses nothing: it leaves that to the main mapping
                throw refused;
            }
            return null; // the main mapping's own refusal (405, 406): no handler either
        }
        return chain == null ? null : (HandlerMethod) chain.getHandler();
    }
}
