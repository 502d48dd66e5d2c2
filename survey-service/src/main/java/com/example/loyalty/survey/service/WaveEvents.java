package com.example.loyalty.survey.service;

import com.example.loyalty.common.persistence.ScalarQueries;
import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.SurveyWaveClosed;
import com.example.loyalty.events.SurveyWavePublished;
import com.example.loyalty.events.Topics;
import com.example.loyalty.messaging.outbox.OutboxWriter;
import com.example.loyalty.survey.domain.Wave;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Publishes the waves on {@link Topics#SURVEY_WAVES} through the outbox, in the transaction of the change: a
 * {@link SurveyWavePublished} when a wave is created (so it is in the outbox before any answer to the wave can be),
 * a {@link SurveyWaveClosed} when it ends early or is cancelled. Keyed by the survey id, so one survey's events stay in
 * order. points-service awards survey answers only for the waves it learns here (docs/action-points.md).
 * <p>
 * Waves created before the topic existed are announced once after the upgrade: {@link #announcePending()} runs at
 * start and then every {@code surveys.waves.announce-every} (default 1m), finds the waves without
 * {@code announced_at} (an indexed, normally empty look-up), and publishes each with, for a wave already ended early,
 * its close. The row is claimed with {@code for update skip locked}, so replicas that start together announce each wave
 * once.
 */
@ApplicationScoped
public class WaveEvents {

    private static final Logger LOG = Logger.getLogger(WaveEvents.class);
    private static final int CHUNK = 200;

    private final OutboxWriter outbox;
    private final EntityManager em;

    public WaveEvents(OutboxWriter outbox, EntityManager em) {
        this.outbox = outbox;
        this.em = em;
    }

    /** In the transaction that created {@code wave} (persisted and flushed): its SurveyWavePublished. */
    void published(Wave wave) {
        write(wave.surveyId, wave.id, wave.opensAt, wave.closesAt);
        em.createNativeQuery("update wave set announced_at = :now where id = :id")
                .setParameter("now", wave.createdAt)
                .setParameter("id", wave.id)
                .executeUpdate();
    }

    /** In the transaction that closed {@code wave} before its end: its SurveyWaveClosed. */
    void closed(Wave wave) {
        closed(wave.surveyId, wave.id, wave.closedAt);
    }

    private void closed(UUID surveyId, UUID waveId, Instant closedAt) {
        outbox.write(
                Topics.SURVEY_WAVES,
                EventTypes.SURVEY_WAVE_CLOSED,
                SurveyWaveClosed.SCHEMA_VERSION,
                null,
                surveyId.toString(),
                new SurveyWaveClosed(surveyId, waveId, closedAt));
    }

    /**
     * In the transaction of a survey's close, with the survey locked: closes every open or scheduled wave of it and writes a SurveyWaveClosed for each; returns how many.
     */
    int closeRemaining(UUID surveyId, Instant now) {
        List<UUID> closed = ScalarQueries.of(
                        em,
                        "update wave set closed_at = :now where survey_id = :survey and closed_at is null"
                                + " and closes_at > :now returning id",
                        "id",
                        UUID.class)
                .setParameter("now", now)
                .setParameter("survey", surveyId)
                .getResultList();
        closed.forEach(id -> closed(surveyId, id, now));
        return closed.size();
    }

    @Scheduled(
            every = "${surveys.waves.announce-every:1m}",
            delayed = "${surveys.waves.announce-delay:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onTimer() {
        try {
            announcePending();
        } catch (RuntimeException e) {
            LOG.warnf("announcing waves failed, will try again at the next run: %s", e.toString());
        }
    }

    /** Publishes every wave not announced yet (waves from before the survey-waves topic); returns how many. */
    public int announcePending() {
        int total = 0;
        int done;
        do {
            done = QuarkusTransaction.requiringNew().call(this::announceChunk);
            total += done;
        } while (done == CHUNK);
        if (total > 0) {
            LOG.infof("announced %d waves created before the survey-waves topic", total);
        }
        return total;
    }

    @SuppressWarnings("unchecked")
    private int announceChunk() {
        List<Object[]> rows =
                em.createNativeQuery("""
                update wave w set announced_at = now()
                where w.id in (select id from wave where announced_at is null order by created_at
                               limit :chunk for update skip locked)
                returning w.survey_id, w.id, w.opens_at, w.closes_at, w.closed_at""").setParameter("chunk", CHUNK).getResultList();
        for (Object[] row : rows) {
            UUID surveyId = (UUID) row[0];
            UUID waveId = (UUID) row[1];
            write(surveyId, waveId, instant(row[2]), instant(row[3]));
            Instant closedAt = instant(row[4]);
            if (closedAt != null && closedAt.isBefore(instant(row[3]))) {
                closed(surveyId, waveId, closedAt);
            }
        }
        return rows.size();
    }

    private void write(UUID surveyId, UUID waveId, Instant opensAt, Instant closesAt) {
        outbox.write(
                Topics.SURVEY_WAVES,
                EventTypes.SURVEY_WAVE_PUBLISHED,
                SurveyWavePublished.SCHEMA_VERSION,
                null,
                surveyId.toString(),
                new SurveyWavePublished(surveyId, waveId, opensAt, closesAt));
    }

    private static Instant instant(Object value) {
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("not a time: " + value.getClass());
    }
}
