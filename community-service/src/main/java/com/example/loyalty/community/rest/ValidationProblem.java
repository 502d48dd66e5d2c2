package com.example.loyalty.community.rest;

import com.example.loyalty.community.service.ProblemField;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The shape of a 422 answer that lists the offending fields ({@code Problems.invalid}), for the OpenAPI document
 * (problems are written by quarkus-resteasy-problem). A 422 of the same operation without field errors (e.g. a kind
 * of post the space does not allow) has the same members but {@code errors} and {@code errorCount}.
 */
@Schema(name = "ValidationProblem", description = "RFC 9457 problem details of a refused event, space or post")
public record ValidationProblem(
        @Schema(description = "e.g. https://loyalty.example.com/problems/invalid-post")
        String type,

        String title,
        @Schema(examples = "422") int status,

        @Schema(description = "The first error, and how many more there are")
        String detail,

        @Schema(description = "The request path") String instance,

        @Schema(description = "One entry per offending field, the first 50")
        List<ProblemField> errors,

        @Schema(description = "How many errors there are in all")
        int errorCount) {}
