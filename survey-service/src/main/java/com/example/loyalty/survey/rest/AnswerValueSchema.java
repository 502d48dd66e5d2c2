package com.example.loyalty.survey.rest;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * The schema of one answer of {@link SubmitResponseRequest#answers()}: one of an integer, a boolean or a string of at
 * most 2000 characters, or null: {@code anyOf} three nullable types (the document is OpenAPI 3.0, which has no type
 * lists; a null matches all three, so not {@code oneOf}). The annotations would make it an object.
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
                                .addAnyOf(OASFactory.createSchema()
                                        .addType(Schema.SchemaType.INTEGER)
                                        .addType(Schema.SchemaType.NULL))
                                .addAnyOf(OASFactory.createSchema()
                                        .addType(Schema.SchemaType.BOOLEAN)
                                        .addType(Schema.SchemaType.NULL))
                                .addAnyOf(OASFactory.createSchema()
                                        .addType(Schema.SchemaType.STRING)
                                        .addType(Schema.SchemaType.NULL)
                                        .maxLength(2000)));
    }
}
