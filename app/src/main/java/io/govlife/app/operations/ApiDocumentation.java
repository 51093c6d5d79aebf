package io.govlife.app.operations;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;

import java.util.List;
import java.util.Map;

/**
 * The OpenAPI document springdoc derives from the controllers, completed with what they cannot say themselves: the
 * bearer token, the write headers ({@code If-Match}, {@code Idempotency-Key}, {@code X-Correlation-Id}), the
 * {@code ETag} answered, the problem+json error shape, and the server-rendered handshake page.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    private static final String PROBLEM = "#/components/schemas/Problem";
    private static final Map<String, String> ERRORS = Map.of(
            "400", "malformed or invalid input", "401", "no valid operator token",
            "403", "not an operator of this gov", "404", "unknown gov, citizen, service, bump or notice",
            "409", "refused by the gov's state, or a concurrent write won", "412", "stale If-Match",
            "413", "body over the size cap", "422", "refused by the gov's rules");
    /** Paths (as the document spells them) whose GET needs no token: what integrators read. */
    private static final List<String> PUBLIC_READS = List.of("/govs/\\{gov}", "/fingerprints",
            "/api/fingerprints/\\{fingerprint}", "/api/govs/\\{gov}/(config|changelog|feed|revisions)",
            "/api/govs/\\{gov}/revisions/\\{a}/diff/\\{b}", "/api/notices/signing-key", "/api/audit/key");

    @Bean
    OpenApiCustomizer govlifeDocument() {
        return openApi -> {
            openApi.info(new Info().title("govlife").version("v1")
                    .description("Event-sourced lifecycle of mosaik govs: commands, queries, notices."));
            Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            components.addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                    .scheme("bearer").description("an operator token from POST /api/admin/tokens"));
            components.addSchemas("Problem", problemSchema());
            openApi.components(components);
            openApi.addSecurityItem(new SecurityRequirement().addList("bearer"));
            openApi.path("/govs/{gov}", new PathItem().get(new Operation().operationId("handshakePage")
                    .summary("The handshake page integrators link to (HTML)")
                    .addParametersItem(new Parameter().in("path").name("gov").required(true).schema(new StringSchema()))
                    .responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("the page")
                            .content(new Content().addMediaType("text/html", new MediaType())))
                            .addApiResponse("404", problem("unknown gov")))));
            openApi.path("/fingerprints", new PathItem().get(new Operation().operationId("fingerprintPage")
                    .summary("The lookup by fingerprint as an HTML page, for the handshake page's form")
                    .addParametersItem(new Parameter().in("query").name("fp").required(false)
                            .schema(new StringSchema()).description("a gov root, citizen or service fingerprint"))
                    .responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("the page")
                            .content(new Content().addMediaType("text/html", new MediaType())))
                            .addApiResponse("404", new ApiResponse().description("no gov published it (HTML)")))));
            // these two handlers send bytes rendered at publication themselves (query.support.PublicBytes), so
            // springdoc sees no return type: the document says what they answer
            jsonAnswer(openApi, "/api/govs/{gov}/config", "the GovConfig as integrators compile it in", true);
            jsonAnswer(openApi, "/api/fingerprints/{fingerprint}", "which govs published this fingerprint, as "
                    + "root, citizen or service", false);
            // what integrators read needs no token: say so per operation, as the document requires one by default
            openApi.getPaths().forEach((path, item) -> {
                if (PUBLIC_READS.stream().anyMatch(path::matches) && item.getGet() != null) {
                    item.getGet().setSecurity(List.of());
                }
            });
        };
    }

    @Bean
    OperationCustomizer writeHeadersAndProblems() {
        return (operation, handler) -> {
            boolean write = handler.hasMethodAnnotation(PostMapping.class)
                    || handler.hasMethodAnnotation(PutMapping.class) || handler.hasMethodAnnotation(DeleteMapping.class);
            if (write) {
                operation.addParametersItem(header("If-Match", "the gov version from an ETag; stale answers 412"));
                operation.addParametersItem(header("Idempotency-Key",
                        "retrying with the same key and request answers the first answer and changes nothing"));
                operation.addParametersItem(header("X-Correlation-Id", "ties the events of this write together"));
                operation.getResponses().values().stream().filter(r -> r.getHeaders() == null)
                        .forEach(r -> r.addHeaderObject("ETag", new Header().description("the gov's version")
                                .schema(new StringSchema())));
            }
            ERRORS.forEach((status, description) -> operation.getResponses()
                    .putIfAbsent(status, problem(description)));
            return operation;
        };
    }

    private static void jsonAnswer(OpenAPI openApi, String path, String description, boolean revision) {
        PathItem item = openApi.getPaths() == null ? null : openApi.getPaths().get(path);
        if (item == null || item.getGet() == null) {
            return;
        }
        ApiResponse ok = new ApiResponse().description(description)
                .content(new Content().addMediaType("application/json", new MediaType().schema(new ObjectSchema())))
                .addHeaderObject("ETag", new Header().description("send it as If-None-Match to be told 304 while "
                        + "the answer stands").schema(new StringSchema()))
                .addHeaderObject("Cache-Control", new Header().schema(new StringSchema()));
        if (revision) {
            ok.addHeaderObject("Gov-Revision", new Header().description("the revision the body is")
                    .schema(new IntegerSchema()));
            ok.addHeaderObject("Last-Modified", new Header().description("when it was published")
                    .schema(new StringSchema()));
        }
        item.getGet().getResponses().addApiResponse("200", ok)
                .addApiResponse("304", new ApiResponse().description("unchanged since the ETag sent"));
    }

    private static Parameter header(String name, String description) {
        return new Parameter().in("header").name(name).required(false).description(description)
                .schema(new StringSchema());
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content()
                .addMediaType("application/problem+json", new MediaType().schema(new Schema<>().$ref(PROBLEM))));
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        ObjectSchema error = new ObjectSchema();
        error.addProperty("field", new StringSchema());
        error.addProperty("message", new StringSchema());
        return new ObjectSchema().description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().example("urn:govlife:rule:draft-unchanged"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("rule", new StringSchema())
                .addProperty("errors", new ArraySchema().items(error));
    }
}
