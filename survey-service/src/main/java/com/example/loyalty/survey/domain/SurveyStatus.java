package com.example.loyalty.survey.domain;

/** Lifecycle of a survey definition: DRAFT → PUBLISHED → CLOSED, nothing else. */
public enum SurveyStatus {
    /** Being designed: questions may change, nobody can answer. */
    DRAFT,
    /** Questions frozen; members answer in its waves. */
    PUBLISHED,
    /** No more answers, no more waves. */
    CLOSED
}
