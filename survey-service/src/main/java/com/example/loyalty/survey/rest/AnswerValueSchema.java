package com.example.loyalty.survey.rest;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * The schema of one answer of {@link SubmitResponseRequest#answers()}: {@code type: [integer, boolean, string, null]}
 * with {@code maxLength: 2000} (which holds for strings only). The annotations would make it an object.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BOTH)
public class AnswerValueSchema implements OASFilter {

    static final String NAME = "AnswerValue";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        openAPI.getComponents()
                .addSchema(
                        NAME,
                        OASFactory.createSchema()
                                .description("An integer, a boolean, or a string (TEXT, CHOICE) of at most 2000 "
                                        + "characters; null: not answered")
                                .addType(Schema.SchemaType.INTEGER)
                                .addType(Schema.SchemaType.BOOLEAN)
                                .addType(Schema.SchemaType.STRING)
                                .addType(Schema.SchemaType.NULL)
                                .maxLength(2000));
    }
}
