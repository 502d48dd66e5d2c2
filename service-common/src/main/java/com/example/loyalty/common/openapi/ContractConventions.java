package com.example.loyalty.common.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * What every service's OpenAPI document says the same way, added to each when it is built (so no resource repeats it):
 * <ul>
 *   <li>{@code servers}: one, {@code /}, the host that serves the document: the gateway for its
 *       {@code /openapi/<service>}, the service itself for its {@code /q/openapi} (the paths are the same on both);
 *   <li>every error answer (4xx, 5xx) is an RFC 9457 problem: {@code application/problem+json} with the shared
 *       {@value #PROBLEM} schema (quarkus-resteasy-problem's), whose {@code instance} is a URI <em>reference</em>, as
 *       sent: the request's path, relative;
 *   <li>what any operation may answer to a malformed request, whatever it does (the fuzzer of {@code testing/} found
 *       each on operations that documented none): 400 when a parameter, the body or a header is malformed or breaks
 *       its constraints (Bean Validation, malformed JSON, a value of the wrong type, an {@code Accept} header that is
 *       no list of media ranges); 406 when the {@code Accept} header names none of the resource's media types (also
 *       for an operation that answers 204: the resource's {@code @Produces} is checked first); 415 when a request
 *       carries a body whose {@code Content-Type} the resource does not take (also a GET that sends one). Each is
 *       added only where the resource did not document it itself.
 * </ul>
 * Statuses that depend on what an operation does (404, 409, 422, a second success) stay on its resource, with
 * {@code @APIResponse}.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ContractConventions implements OASFilter {

    /** The problem schema of every error answer (quarkus-resteasy-problem's name for it). */
    static final String PROBLEM = "HttpProblem";

    static final String PROBLEM_JSON = "application/problem+json";

    /** Schemas of the shared modules, dropped from a document that does not use them, referring ones first. */
    static final List<String> SHARED_SCHEMAS =
            List.of("HttpValidationProblem", "Violation", "ValidationProblem", "FieldProblem");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getServers() == null || openAPI.getServers().isEmpty()) {
            openAPI.setServers(List.of(OASFactory.createServer()
                    .url("/")
                    .description("The host that serves this document: the gateway (/openapi/<service>) or the "
                            + "service itself (/q/openapi); the paths are the same on both")));
        }
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths()
                    .getPathItems()
                    .values()
                    .forEach(item -> item.getOperations().values().forEach(ContractConventions::errors));
        }
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
            // Shared shapes every document gets, used by some services only, each before the schemas it refers to
            // (a document lists no unused schema): quarkus-resteasy-problem's 400 with violations (every 400 here is
            // declared with the problem schema, open to the extra members) and service-common's 422 with field errors
            for (String name : SHARED_SCHEMAS) {
                if (schemas.containsKey(name) && !referenced(openAPI, name)) {
                    openAPI.getComponents().removeSchema(name);
                }
            }
            for (String name : List.of(PROBLEM, "HttpValidationProblem")) {
                Schema problem = schemas.get(name);
                if (problem != null
                        && problem.getProperties() != null
                        && problem.getProperties().containsKey("instance")) {
                    problem.getProperties().get("instance").setFormat("uri-reference");
                }
            }
        }
    }

    /** Whether an answer of an operation, or a property of another schema, refers to the schema. */
    private static boolean referenced(OpenAPI openAPI, String schema) {
        String ref = "#/components/schemas/" + schema;
        boolean inAnswers = openAPI.getPaths() != null
                && openAPI.getPaths().getPathItems() != null
                && openAPI.getPaths().getPathItems().values().stream()
                        .flatMap(item -> item.getOperations().values().stream())
                        .filter(op ->
                                op.getResponses() != null && op.getResponses().getAPIResponses() != null)
                        .flatMap(op -> op.getResponses().getAPIResponses().values().stream())
                        .filter(r -> !noContent(r))
                        .flatMap(r -> r.getContent().getMediaTypes().values().stream())
                        .anyMatch(m -> m.getSchema() != null
                                && ref.equals(m.getSchema().getRef()));
        boolean inSchemas = openAPI.getComponents().getSchemas().entrySet().stream()
                .filter(e -> !e.getKey().equals(schema) && e.getValue().getProperties() != null)
                .flatMap(e -> e.getValue().getProperties().values().stream())
                .anyMatch(p -> ref.equals(p.getRef())
                        || (p.getItems() != null && ref.equals(p.getItems().getRef())));
        return inAnswers || inSchemas;
    }

    private static void errors(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            return;
        }
        boolean takesInput =
                (operation.getParameters() != null && !operation.getParameters().isEmpty())
                        || operation.getRequestBody() != null;
        if (!responses.hasAPIResponse("400")) {
            responses.addAPIResponse(
                    "400",
                    OASFactory.createAPIResponse()
                            .description(
                                    takesInput
                                            ? "A parameter, the body or a header is malformed or breaks its constraints"
                                            : "A header is malformed (e.g. an Accept header that is no list of media "
                                                    + "ranges)"));
        }
        if (!responses.hasAPIResponse("406")) {
            responses.addAPIResponse(
                    "406",
                    OASFactory.createAPIResponse()
                            .description(
                                    "The Accept header names none of the media types this operation answers with"));
        }
        if (!responses.hasAPIResponse("415")) {
            responses.addAPIResponse(
                    "415",
                    OASFactory.createAPIResponse()
                            .description(
                                    operation.getRequestBody() != null
                                            ? "The body's Content-Type is not one this operation takes"
                                            : "The request carries a body, with a Content-Type this operation does not take"));
        }
        responses.getAPIResponses().forEach((status, response) -> {
            if ((status.startsWith("4") || status.startsWith("5"))
                    && response.getRef() == null
                    && noContent(response)) {
                response.setContent(problemContent());
            }
        });
    }

    private static boolean noContent(APIResponse response) {
        return response.getContent() == null
                || response.getContent().getMediaTypes() == null
                || response.getContent().getMediaTypes().isEmpty();
    }

    private static Content problemContent() {
        return OASFactory.createContent()
                .addMediaType(
                        PROBLEM_JSON,
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref(PROBLEM)));
    }
}
