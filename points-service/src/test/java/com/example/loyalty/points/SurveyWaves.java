package com.example.loyalty.points;

import com.example.loyalty.events.EventJson;
import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.SurveyWaveClosed;
import com.example.loyalty.events.SurveyWavePublished;
import com.example.loyalty.events.Topics;
import com.example.loyalty.testing.TestKafka;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Survey waves on survey-waves, as survey-service publishes them: survey answers earn only for these. */
public final class SurveyWaves {

    private SurveyWaves() {}

    /** A wave open from an hour ago for a day, as survey-service publishes it. */
    public static UUID publishedWave(UUID survey) {
        UUID wave = UUID.randomUUID();
        publish(
                survey,
                wave,
                Instant.now().minus(Duration.ofHours(1)),
                Instant.now().plus(Duration.ofDays(1)));
        return wave;
    }

    public static void publish(UUID survey, UUID wave, Instant opensAt, Instant closesAt) {
        TestKafka.send(
                Topics.SURVEY_WAVES,
                survey.toString(),
                EventJson.write(EventJson.envelope(
                        EventTypes.SURVEY_WAVE_PUBLISHED,
                        SurveyWavePublished.SCHEMA_VERSION,
                        Instant.now(),
                        null,
                        new SurveyWavePublished(survey, wave, opensAt, closesAt))));
    }

    public static void close(UUID survey, UUID wave, Instant closedAt) {
        TestKafka.send(
                Topics.SURVEY_WAVES,
                survey.toString(),
                EventJson.write(EventJson.envelope(
                        EventTypes.SURVEY_WAVE_CLOSED,
                        SurveyWaveClosed.SCHEMA_VERSION,
                        Instant.now(),
                        null,
                        new SurveyWaveClosed(survey, wave, closedAt))));
    }
}
