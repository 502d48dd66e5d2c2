package com.example.loyalty.community.service;

import com.example.loyalty.common.web.FieldError;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One reason a request body was refused, listed in the {@code errors} of a 422 made by
 * {@link com.example.loyalty.common.web.Problems#invalid}.
 */
@Schema(description = "One reason a request was refused")
public record ProblemField(
        @Schema(description = "Where in the request body", examples = "endsAt")
        String field,

        @Schema(description = "What is wrong") String message)
        implements FieldError {

    @Override
    public ProblemField truncated(int maxChars) {
        return new ProblemField(FieldError.cut(field, maxChars), FieldError.cut(message, maxChars));
    }
}
