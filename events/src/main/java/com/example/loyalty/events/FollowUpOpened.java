package com.example.loyalty.events;

import java.util.UUID;

/**
 * Payload of {@link EventTypes#FOLLOW_UP_OPENED} on {@link Topics#LOYALTY_INSIGHTS}: an unhappy answer needs
 * a person to follow it up.
 *
 * @param followUpId  the follow-up item in metrics-service
 * @param responseId  the survey response that opened it
 * @param surveyId    the survey
 * @param questionId  the question answered unhappily
 * @param kind        DETRACTOR, AT_RISK or HIGH_EFFORT
 * @param score       the score given ({@code null} for a yes/no effort answer)
 * @param reason      the free-text reason given in the same response, if any
 * @param storeId     the store the answer is about, if any
 */
public record FollowUpOpened(
        UUID followUpId,
        UUID responseId,
        UUID surveyId,
        String questionId,
        String kind,
        Integer score,
        String reason,
        String storeId) {
    public static final int SCHEMA_VERSION = 1;
}
