package com.example.loyalty.survey.service;

import com.example.loyalty.common.web.FieldError;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One reason a definition or a response was refused, listed in the {@code errors} of a 422 made by
 * {@link com.example.loyalty.common.web.Problems#invalid}. Adds the question id to the shared {@link FieldError},
 * because a marketer or an app fixes a survey question by question.
 *
 * @param questionId the question concerned; {@code null} for survey-level fields such as the title
 * @param field      where in the request body, e.g. {@code answers.nps} or {@code questions[1].type}
 * @param message    what is wrong
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(description = "One reason a request was refused")
public record ValidationError(
        @Schema(description = "The question concerned; null for survey-level fields such as the title", nullable = true)
        String questionId,

        @Schema(description = "Where in the request body", examples = "answers.nps")
        String field,

        @Schema(description = "What is wrong") String message)
        implements FieldError {

    @Override
    public ValidationError truncated(int maxChars) {
        return new ValidationError(
                FieldError.cut(questionId, maxChars),
                FieldError.cut(field, maxChars),
                FieldError.cut(message, maxChars));
    }

    /** Starts with the question id when there is one: that is what the client shows next to the question. */
    @Override
    public String describe() {
        return (questionId != null ? questionId : field) + ": " + message;
    }
}
