package com.example.loyalty.common.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.junit.jupiter.api.Test;

class ContractConventionsTest {

    private static Operation operation() {
        return OASFactory.createOperation()
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", OASFactory.createAPIResponse().description("ok")));
    }

    private static OpenAPI document(Operation get, Operation post) {
        PathItem item = OASFactory.createPathItem().GET(get).POST(post);
        return OASFactory.createOpenAPI()
                .paths(OASFactory.createPaths().addPathItem("/api/things", item))
                .components(OASFactory.createComponents());
    }

    @Test
    void anOperationWithABodyDocuments400And415AsProblems() {
        Operation post = operation().requestBody(OASFactory.createRequestBody());
        new ContractConventions().filterOpenAPI(document(operation(), post));
        for (String status : List.of("400", "415")) {
            assertTrue(post.getResponses().hasAPIResponse(status), status);
            assertEquals(
                    "#/components/schemas/" + ContractConventions.PROBLEM,
                    post.getResponses()
                            .getAPIResponse(status)
                            .getContent()
                            .getMediaType(ContractConventions.PROBLEM_JSON)
                            .getSchema()
                            .getRef());
        }
    }

    @Test
    void everyOperationDocumentsTheAnswersToAMalformedRequest() {
        Operation get = operation()
                .parameters(List.of(OASFactory.createParameter().name("page").in(Parameter.In.QUERY)));
        Operation bare = operation();
        new ContractConventions().filterOpenAPI(document(get, bare));
        for (Operation op : List.of(get, bare)) {
            for (String status : List.of("400", "406", "415")) {
                assertTrue(op.getResponses().hasAPIResponse(status), status);
            }
        }
        assertEquals(
                "A parameter, the body or a header is malformed or breaks its constraints",
                get.getResponses().getAPIResponse("400").getDescription());
        assertTrue(bare.getResponses().getAPIResponse("400").getDescription().startsWith("A header is malformed"));
    }

    @Test
    void aResourcesOwnDescriptionIsKept() {
        Operation bare = operation();
        Operation post = operation()
                .requestBody(OASFactory.createRequestBody())
                .responses(operation()
                        .getResponses()
                        .addAPIResponse(
                                "415", OASFactory.createAPIResponse().description("Neither text/csv nor JSON")));
        OpenAPI document = document(bare, post);
        new ContractConventions().filterOpenAPI(document);
        assertEquals(
                "Neither text/csv nor JSON",
                post.getResponses().getAPIResponse("415").getDescription());
        assertEquals("/", document.getServers().get(0).getUrl());
        assertNull(bare.getResponses().getAPIResponse("200").getContent());
    }

    @Test
    void aSharedSchemaNoAnswerUsesIsDroppedAndOneThatIsUsedKept() {
        Operation post = operation().requestBody(OASFactory.createRequestBody());
        post.getResponses()
                .addAPIResponse(
                        "422",
                        OASFactory.createAPIResponse()
                                .content(OASFactory.createContent()
                                        .addMediaType(
                                                ContractConventions.PROBLEM_JSON,
                                                OASFactory.createMediaType()
                                                        .schema(OASFactory.createSchema()
                                                                .ref("#/components/schemas/ValidationProblem")))));
        OpenAPI used = document(operation(), post);
        OpenAPI unused = document(operation(), operation().requestBody(OASFactory.createRequestBody()));
        for (OpenAPI document : List.of(used, unused)) {
            document.getComponents()
                    .addSchema(
                            "ValidationProblem",
                            OASFactory.createSchema()
                                    .addProperty(
                                            "errors",
                                            OASFactory.createSchema()
                                                    .items(OASFactory.createSchema()
                                                            .ref("#/components/schemas/FieldProblem"))))
                    .addSchema("FieldProblem", OASFactory.createSchema());
            new ContractConventions().filterOpenAPI(document);
        }
        assertTrue(
                used.getComponents().getSchemas().keySet().containsAll(List.of("ValidationProblem", "FieldProblem")));
        assertTrue(
                unused.getComponents().getSchemas().isEmpty(),
                unused.getComponents().getSchemas().toString());
    }
}
