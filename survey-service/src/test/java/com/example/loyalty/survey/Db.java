package com.example.loyalty.survey;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import org.awaitility.Awaitility;

/** Plain SQL against the service's database, to check what was (not) written. */
public final class Db {

    private final AgroalDataSource dataSource;

    public Db(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public long count(String sql, Object... params) {
        Object value = single(sql, params);
        return ((Number) value).longValue();
    }

    public Object single(String sql, Object... params) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getObject(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /**
     * What survey-service holds for one survey: accepted responses (in survey_response, or staged for the answer mixer
     * when anonymous), participations, SurveyResponded outbox rows.
     */
    public record Written(long responses, long participations, long outboxRows) {}

    public Written writtenFor(String surveyId) {
        java.util.UUID id = java.util.UUID.fromString(surveyId);
        return new Written(
                count("select count(*) from survey_response where survey_id = ?", id) + staged(surveyId),
                count(
                        "select count(*) from wave_participation p join wave w on w.id = p.wave_id where w.survey_id = ?",
                        id),
                count(
                        "select count(*) from outbox_event where event_type = 'SurveyResponded' and payload like ?",
                        "%" + surveyId + "%"));
    }

    /** Anonymous answers of the survey waiting for the answer mixer. */
    public long staged(String surveyId) {
        return count(
                "select count(*) from anonymous_answer_staging where survey_id = ?",
                java.util.UUID.fromString(surveyId));
    }

    /** Waits until the member directory holds the member with the tier. */
    public void awaitDirectory(String memberId, String subject, String tier) {
        java.util.UUID id = java.util.UUID.fromString(memberId);
        Awaitility.await()
                .atMost(SurveyApi.PATIENCE)
                .pollInterval(java.time.Duration.ofMillis(100))
                .until(() -> Objects.equals(
                                subject, single("select subject from member_directory where member_id = ?", id))
                        && Objects.equals(tier, single("select tier from member_directory where member_id = ?", id)));
    }

    /** Waits until the member directory holds the member's segment and quadrant, as of the day. */
    public void awaitSegment(String memberId, String segment, String quadrant, java.time.LocalDate asOf) {
        java.util.UUID id = java.util.UUID.fromString(memberId);
        Awaitility.await()
                .atMost(SurveyApi.PATIENCE)
                .pollInterval(java.time.Duration.ofMillis(100))
                .until(() -> Objects.equals(
                                segment, single("select segment from member_directory where member_id = ?", id))
                        && Objects.equals(
                                quadrant, single("select quadrant from member_directory where member_id = ?", id))
                        && Objects.equals(
                                asOf == null ? null : java.sql.Date.valueOf(asOf),
                                single("select segment_as_of from member_directory where member_id = ?", id)));
    }

    /** Waits until the consumer has recorded the event in its inbox: processed, whether it changed anything or not. */
    public void awaitProcessed(String consumer, java.util.UUID eventId) {
        Awaitility.await()
                .atMost(SurveyApi.PATIENCE)
                .pollInterval(java.time.Duration.ofMillis(100))
                .until(() -> count(
                                "select count(*) from processed_event where consumer = ? and event_id = ?",
                                consumer,
                                eventId)
                        == 1);
    }
}
