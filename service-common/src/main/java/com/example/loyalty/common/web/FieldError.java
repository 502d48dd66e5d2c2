package com.example.loyalty.common.web;

/**
 * One reason a request body was refused, as listed in the {@code errors} array of a 422 problem made by
 * {@link Problems#invalid}. A service's error record implements it and may add fields (survey-service adds the
 * question id); {@link #truncated(int)} lets the problem stay bounded whatever the client sent.
 */
public interface FieldError {

    /** Where in the request body, e.g. {@code answers.nps} or {@code questions[1].type}. */
    String field();

    /** What is wrong. */
    String message();

    /** This error with each of its texts cut to at most {@code maxChars} characters. */
    FieldError truncated(int maxChars);

    /** One line for the problem's {@code detail}. */
    default String describe() {
        return field() + ": " + message();
    }

    /** {@code text} cut to {@code maxChars} characters, with an ellipsis when cut; null stays null. */
    static String cut(String text, int maxChars) {
        if (text == null || text.length() <= maxChars) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
        return text.substring(0, end) + "…";
    }
}
