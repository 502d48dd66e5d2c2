package com.example.loyalty.metrics.domain;

import com.example.loyalty.events.QuestionType;

/**
 * A question of a survey as learnt from the responses consumed: its type, its CSI dimension, and its place in the
 * survey (the largest index it had in a response's answer list: responses that skip an optional question shift
 * the later ones forward, never back).
 */
public record SurveyQuestion(String questionId, QuestionType type, String dimension, int position) {}
