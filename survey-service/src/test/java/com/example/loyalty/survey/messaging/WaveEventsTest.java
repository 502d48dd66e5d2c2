package com.example.loyalty.survey.messaging;

import static org.apache.http.HttpStatus.SC_CREATED;
import static org.apache.http.HttpStatus.SC_OK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.example.loyalty.events.EventEnvelope;
import com.example.loyalty.events.EventJson;
import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.SurveyWaveClosed;
import com.example.loyalty.events.SurveyWavePublished;
import com.example.loyalty.events.Topics;
import com.example.loyalty.survey.Db;
import com.example.loyalty.survey.SurveyApi;
import com.example.loyalty.survey.service.WaveEvents;
import com.example.loyalty.testing.TestKafka;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * survey-service publishes its waves on survey-waves (points-service awards answers only for those): created, closed
 * early, closed with their survey; and the waves from before the topic, once.
 */
@QuarkusTest
class WaveEventsTest {

    private static final Duration KAFKA_WAIT = Duration.ofSeconds(30);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    WaveEvents waveEvents;

    @Test
    void aWaveIsPublishedWhenCreatedAndAgainWhenItCloses() {
        String survey = SurveyApi.publishedSurvey(SurveyApi.npsSurvey(false));
        String first = SurveyApi.openWaveId(survey);
        SurveyApi.closeWave(survey, first).statusCode(SC_OK);
        Instant opens = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        Instant closes = opens.plus(Duration.ofDays(7));
        String second = SurveyApi.addWave(
                        survey, Map.of("name", "next", "opensAt", opens.toString(), "closesAt", closes.toString()))
                .statusCode(SC_CREATED)
                .extract()
                .path("id");
        SurveyApi.close(survey).statusCode(SC_OK); // cancels the scheduled second wave

        List<EventEnvelope> events =
                TestKafka.read(Topics.SURVEY_WAVES, r -> survey.equals(r.key()), 4, KAFKA_WAIT).stream()
                        .map(ConsumerRecord::value)
                        .map(EventJson::read)
                        .toList();
        assertEquals(
                List.of(
                        EventTypes.SURVEY_WAVE_PUBLISHED,
                        EventTypes.SURVEY_WAVE_CLOSED,
                        EventTypes.SURVEY_WAVE_PUBLISHED,
                        EventTypes.SURVEY_WAVE_CLOSED),
                events.stream().map(EventEnvelope::type).toList(),
                "in order, on the survey's key");
        events.forEach(e -> assertNull(e.memberId()));

        SurveyWavePublished published = EventJson.payload(events.get(0), SurveyWavePublished.class);
        assertEquals(UUID.fromString(survey), published.surveyId());
        assertEquals(UUID.fromString(first), published.waveId());
        assertNotNull(published.opensAt());
        assertEquals(Duration.ofDays(30), Duration.between(published.opensAt(), published.closesAt()));
        SurveyWaveClosed closed = EventJson.payload(events.get(1), SurveyWaveClosed.class);
        assertEquals(UUID.fromString(first), closed.waveId());
        assertNotNull(closed.closedAt());

        SurveyWavePublished next = EventJson.payload(events.get(2), SurveyWavePublished.class);
        assertEquals(new SurveyWavePublished(UUID.fromString(survey), UUID.fromString(second), opens, closes), next);
        SurveyWaveClosed cancelled = EventJson.payload(events.get(3), SurveyWaveClosed.class);
        assertEquals(UUID.fromString(second), cancelled.waveId());
    }

    @Test
    void wavesFromBeforeTheTopicAreAnnouncedOnce() {
        String survey = SurveyApi.publishedSurvey(SurveyApi.npsSurvey(false));
        String wave = SurveyApi.openWaveId(survey);
        Db db = new Db(dataSource);
        String published =
                "select count(*) from outbox_event where event_type = 'SurveyWavePublished'" + " and message_key = ?";
        assertEquals(1, db.count(published, survey), "published when created");
        // as a wave created before V7, which has no announcement
        update("update wave set announced_at = null where id = ?", UUID.fromString(wave));

        waveEvents.announcePending();
        waveEvents.announcePending(); // a second run (another replica, the next tick) finds nothing left

        assertEquals(2, db.count(published, survey), "announced once more, not twice");
        assertNotNull(db.single("select announced_at from wave where id = ?", UUID.fromString(wave)));
        List<ConsumerRecord<String, String>> records =
                TestKafka.read(Topics.SURVEY_WAVES, r -> survey.equals(r.key()), 2, KAFKA_WAIT);
        assertEquals(2, records.size());
        for (ConsumerRecord<String, String> r : records) {
            assertEquals(
                    UUID.fromString(wave),
                    EventJson.payload(EventJson.read(r.value()), SurveyWavePublished.class)
                            .waveId());
        }
    }

    private void update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
