package com.example.loyalty.community.service;

import com.example.loyalty.common.web.FieldError;

/** One reason a space, post or comment was refused (an entry of a 422 problem's {@code errors}). */
public record ContentError(String field, String message) implements FieldError {

    @Override
    public FieldError truncated(int maxChars) {
        return new ContentError(FieldError.cut(field, maxChars), FieldError.cut(message, maxChars));
    }
}
