package com.example.loyalty.common.web;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The plain {@link FieldError}: where in the request body, and what is wrong. A service whose clients need more on each
 * error implements {@link FieldError} itself (survey-service adds the question id).
 */
@Schema(description = "One reason a request was refused")
public record FieldProblem(
        @Schema(description = "Where in the request body", examples = "endsAt")
        String field,

        @Schema(description = "What is wrong") String message)
        implements FieldError {

    @Override
    public FieldProblem truncated(int maxChars) {
        return new FieldProblem(FieldError.cut(field, maxChars), FieldError.cut(message, maxChars));
    }
}
