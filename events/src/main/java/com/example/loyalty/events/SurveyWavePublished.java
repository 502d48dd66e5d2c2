package com.example.loyalty.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Payload of {@link EventTypes#SURVEY_WAVE_PUBLISHED} on {@link Topics#SURVEY_WAVES}: a wave of a survey, its answer
 * window as survey-service set it. Written by survey-service when a wave is created (in the same transaction, so the
 * event exists before any answer to the wave can be accepted) and, once, for every wave that existed before the topic
 * did. Consumers learn the waves a {@link SurveyResponded} may name from it (points-service awards answers only for
 * these). Keyed by the survey id, so the events of one survey's waves stay in order; the envelope's member id is
 * {@code null}.
 *
 * @param surveyId the survey
 * @param waveId   the wave
 * @param opensAt  first moment answers are accepted
 * @param closesAt end of the window (exclusive), as planned; an early close is a {@link SurveyWaveClosed}
 */
public record SurveyWavePublished(UUID surveyId, UUID waveId, Instant opensAt, Instant closesAt) {

    public static final int SCHEMA_VERSION = 1;
}
