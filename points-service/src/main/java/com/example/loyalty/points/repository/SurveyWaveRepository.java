package com.example.loyalty.points.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code survey_wave} table (the waves survey-service published) and {@code survey_response_held} (answers waiting
 * for their wave). Changes about one wave are serialised by a transaction-scoped advisory lock on its id
 * ({@link #lock}), taken before any member lock, so an answer that finds no wave and the wave that arrives at the same
 * moment never miss each other.
 */
@ApplicationScoped
public class SurveyWaveRepository {

    /** The first key of the two-key advisory locks of waves (the migration's number), apart from any other lock. */
    private static final int LOCK_CLASS = 20;

    private final EntityManager em;

    public SurveyWaveRepository(EntityManager em) {
        this.em = em;
    }

    /** A wave as published. */
    public record Wave(UUID waveId, UUID surveyId, Instant opensAt, Instant closesAt, Instant closedAt) {
        /** When answers stopped being accepted: the early close, or the end of the window. */
        public Instant end() {
            return closedAt != null && closedAt.isBefore(closesAt) ? closedAt : closesAt;
        }

        /** Whether an answer accepted at {@code at} belongs to the wave's window. */
        public boolean accepts(Instant at) {
            return at != null && !at.isBefore(opensAt) && at.isBefore(end());
        }
    }

    /** An answer held until its wave is known. */
    public record Held(
            UUID eventId,
            UUID responseId,
            UUID surveyId,
            UUID waveId,
            String memberId,
            String subject,
            Instant answeredAt) {}

    /**
     * Locks the waves, in a fixed order, until the transaction ends (re-entrant). Callers that go on to lock members
     * lock every wave they need first.
     */
    public void lock(Collection<UUID> waveIds) {
        waveIds.stream()
                .distinct()
                .sorted()
                .forEach(id -> em.createNativeQuery(
                                "select 1 from (select pg_advisory_xact_lock(:class, hashtext(cast(:wave as text)))) l")
                        .setParameter("class", LOCK_CLASS)
                        .setParameter("wave", id.toString())
                        .getSingleResult());
    }

    @SuppressWarnings("unchecked")
    public Optional<Wave> find(UUID waveId) {
        List<Object[]> rows = em.createNativeQuery(
                        "select wave_id, survey_id, opens_at, closes_at, closed_at from survey_wave where wave_id = :w")
                .setParameter("w", waveId)
                .getResultList();
        return rows.stream()
                .findFirst()
                .map(r -> new Wave((UUID) r[0], (UUID) r[1], instant(r[2]), instant(r[3]), instant(r[4])));
    }

    /**
     * Records a published wave; a repeat (a redelivery, a re-announcement) takes the window as published again and
     * keeps an early close already known.
     */
    public void published(UUID waveId, UUID surveyId, Instant opensAt, Instant closesAt, Instant now) {
        em.createNativeQuery("""
                insert into survey_wave (wave_id, survey_id, opens_at, closes_at, learnt_at)
                values (:wave, :survey, :opens, :closes, :now)
                on conflict (wave_id) do update set opens_at = excluded.opens_at, closes_at = excluded.closes_at
                where survey_wave.survey_id = excluded.survey_id""")
                .setParameter("wave", waveId)
                .setParameter("survey", surveyId)
                .setParameter("opens", opensAt)
                .setParameter("closes", closesAt)
                .setParameter("now", now)
                .executeUpdate();
    }

    /** Records an early close of a known wave (the earliest close wins); false when the wave is not known. */
    public boolean closed(UUID waveId, UUID surveyId, Instant closedAt) {
        return em.createNativeQuery("""
                        update survey_wave set closed_at = least(coalesce(closed_at, :closed), :closed)
                        where wave_id = :wave and survey_id = :survey""")
                        .setParameter("wave", waveId)
                        .setParameter("survey", surveyId)
                        .setParameter("closed", closedAt)
                        .executeUpdate()
                == 1;
    }

    /** Holds an answer until its wave is known; false when this event is held already. */
    public boolean hold(Held held, Instant now) {
        return em.createNativeQuery("""
                        insert into survey_response_held
                            (event_id, response_id, survey_id, wave_id, member_id, subject, answered_at, held_at)
                        values (:event, :response, :survey, :wave, cast(:member as uuid), :subject, :answered, :now)
                        on conflict (event_id) do nothing""")
                        .setParameter("event", held.eventId())
                        .setParameter("response", held.responseId())
                        .setParameter("survey", held.surveyId())
                        .setParameter("wave", held.waveId())
                        .setParameter("member", uuidOrNull(held.memberId()))
                        .setParameter("subject", held.subject())
                        .setParameter("answered", held.answeredAt())
                        .setParameter("now", now)
                        .executeUpdate()
                == 1;
    }

    /** Takes the answers held for the wave out of the table, in the order they were given. */
    @SuppressWarnings("unchecked")
    public List<Held> release(UUID waveId) {
        List<Object[]> rows =
                em.createNativeQuery("""
                delete from survey_response_held where wave_id = :wave
                returning event_id, response_id, survey_id, wave_id, member_id, subject, answered_at, held_at""").setParameter("wave", waveId).getResultList();
        return rows.stream()
                .sorted(Comparator.comparing(
                                (Object[] r) -> instant(r[6]), Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(r -> r[0].toString()))
                .map(r -> new Held(
                        (UUID) r[0],
                        (UUID) r[1],
                        (UUID) r[2],
                        (UUID) r[3],
                        r[4] == null ? null : r[4].toString(),
                        (String) r[5],
                        instant(r[6])))
                .toList();
    }

    /** Deletes held answers older than {@code cutoff}, at most {@code limit}; returns how many. */
    public int pruneHeld(Instant cutoff, int limit) {
        return em.createNativeQuery("""
                delete from survey_response_held where event_id in
                    (select event_id from survey_response_held where held_at < :cutoff limit :limit)""")
                .setParameter("cutoff", cutoff)
                .setParameter("limit", limit)
                .executeUpdate();
    }

    public long countHeld() {
        return ((Number) em.createNativeQuery("select count(*) from survey_response_held")
                        .getSingleResult())
                .longValue();
    }

    /** The member id as stored: a UUID's text, or null for anything else (the subject then names the member). */
    private static String uuidOrNull(String memberId) {
        if (memberId == null) {
            return null;
        }
        try {
            return UUID.fromString(memberId).toString();
        } catch (IllegalArgumentException notAUuid) {
            return null;
        }
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
