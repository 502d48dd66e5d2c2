package com.example.loyalty.survey.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One reason a definition or a response was refused.
 *
 * @param questionId the question concerned; {@code null} for survey-level fields such as the title
 * @param field      where in the request body, e.g. {@code answers.nps} or {@code questions[1].type}
 * @param message    what is wrong
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(description = "One reason a request was refused")
public record ValidationError(
        @Schema(description = "The question concerned; null for survey-level fields such as the title") String questionId,
        @Schema(description = "Where in the request body", examples = "answers.nps") String field,
        @Schema(description = "What is wrong") String message) {

    String describe() {
        return (questionId != null ? questionId : field) + ": " + message;
    }
}
