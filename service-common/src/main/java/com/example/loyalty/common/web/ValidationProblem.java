package com.example.loyalty.common.web;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The shape of a 422 answer that lists the offending fields ({@link Problems#invalid} with {@link FieldProblem}s), for
 * the OpenAPI documents: {@code @APIResponse(responseCode = "422", content = @Content(schema = @Schema(implementation =
 * ValidationProblem.class)))}. The problem itself is written by quarkus-resteasy-problem. A 422 of the same operation
 * without field errors has the same members but {@code errors} and {@code errorCount}.
 */
@Schema(description = "RFC 9457 problem details of a refused request, field by field")
public record ValidationProblem(
        @Schema(description = "e.g. https://loyalty.example.com/problems/invalid-post")
        String type,

        String title,
        @Schema(examples = "422") int status,

        @Schema(description = "The first error, and how many more there are")
        String detail,

        @Schema(description = "The request path") String instance,

        @Schema(description = "One entry per offending field, the first " + Problems.MAX_FIELD_ERRORS)
        List<FieldProblem> errors,

        @Schema(description = "How many errors there are in all")
        int errorCount) {}
