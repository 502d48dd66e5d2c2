package com.example.loyalty.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Payload of {@link EventTypes#SURVEY_RESPONDED} on {@link Topics#SURVEY_RESPONSES}: one accepted response,
 * with everything a consumer needs to aggregate it without asking survey-service. The envelope's member id
 * (and Kafka key) is the member id, or {@code null} with a random key for an anonymous answer.
 *
 * @param responseId  id of the response in survey-service
 * @param surveyId    the survey
 * @param waveId      the wave it answers (one answer per member per wave)
 * @param memberId    the points-service member id; {@code null} when anonymous or not (yet) known
 * @param subject     the respondent's token subject; {@code null} when anonymous
 * @param anonymous   true when the survey is anonymous: no identity is carried
 * @param tier        the member's tier code when answering ({@code null} when unknown or anonymous)
 * @param channel     where it was answered: APP, WEB, STORE, EMAIL, ...
 * @param storeId     the store it is about (may be {@code null})
 * @param answeredAt  when it was accepted
 * @param answers     one entry per answered question, in the survey's order
 */
public record SurveyResponded(
        UUID responseId,
        UUID surveyId,
        UUID waveId,
        String memberId,
        String subject,
        boolean anonymous,
        String tier,
        String channel,
        String storeId,
        Instant answeredAt,
        List<Answer> answers) {

    public static final int SCHEMA_VERSION = 1;

    /**
     * One answer. Exactly one of {@code score}, {@code yes}, {@code text}, {@code choice} is set, by type.
     *
     * @param questionId the question's id within the survey (e.g. {@code nps})
     * @param type       NPS, CONTINUED_USE, NRS, CSI, CES, CES_BINARY, DWB, TEXT, CHOICE
     * @param dimension  for CSI items: EXPECTATION, PERCEIVED_QUALITY, PERCEIVED_VALUE, COMPLAINTS, LOYALTY or CUSTOM
     * @param score      numeric answer on the type's scale (NPS 0–10, NRS 1–5, CSI 0–100, CES 0–10, DWB 1–5)
     * @param yes        CES_BINARY: true = "felt effort"
     * @param text       TEXT: the free-text answer
     * @param choice     CHOICE: the chosen option's id
     */
    public record Answer(
            String questionId, String type, String dimension, Integer score, Boolean yes, String text, String choice) {}
}
