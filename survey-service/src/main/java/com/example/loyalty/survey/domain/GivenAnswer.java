package com.example.loyalty.survey.domain;

import com.example.loyalty.events.QuestionType;

/**
 * One checked answer of a response (stored inside the response's {@code answers} JSON). Exactly one of
 * {@code score}, {@code yes}, {@code text}, {@code choice} is set, by type.
 */
public record GivenAnswer(
        String questionId,
        QuestionType type,
        CsiDimension dimension,
        Integer score,
        Boolean yes,
        String text,
        String choice) {}
