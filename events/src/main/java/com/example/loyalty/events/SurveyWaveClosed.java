package com.example.loyalty.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Payload of {@link EventTypes#SURVEY_WAVE_CLOSED} on {@link Topics#SURVEY_WAVES}: a wave ended before its
 * {@code closesAt} (closed early while open, cancelled while scheduled, or its survey closed). No answer accepted at or
 * after {@code closedAt} belongs to the wave. Keyed by the survey id, after the wave's {@link SurveyWavePublished}.
 *
 * @param surveyId the survey
 * @param waveId   the wave
 * @param closedAt when it was closed
 */
public record SurveyWaveClosed(UUID surveyId, UUID waveId, Instant closedAt) {

    public static final int SCHEMA_VERSION = 1;
}
