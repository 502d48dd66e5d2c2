package com.example.loyalty.survey.rest;

import com.example.loyalty.survey.service.ValidationError;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The shape of a 422 answer, for the OpenAPI document (problems are written by quarkus-resteasy-problem): the shared
 * {@link com.example.loyalty.common.web.ValidationProblem} envelope, with survey-service's {@link ValidationError}s,
 * which name the question as well as the field.
 */
@Schema(name = "SurveyValidationProblem", description = "RFC 9457 problem details of a refused definition or response")
public record ValidationProblem(
        @Schema(description = "e.g. https://loyalty.example.com/problems/invalid-answers")
        String type,

        String title,
        @Schema(examples = "422") int status,

        @Schema(description = "The first error, and how many more there are")
        String detail,

        @Schema(description = "The request path") String instance,

        @Schema(description = "One entry per offending question or field, the first 50")
        List<ValidationError> errors,

        @Schema(description = "How many errors there are in all")
        int errorCount) {}
