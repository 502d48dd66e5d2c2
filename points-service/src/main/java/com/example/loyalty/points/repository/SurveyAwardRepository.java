package com.example.loyalty.points.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.UUID;

/** The {@code survey_award} table: one row per member and survey wave that earned points. */
@ApplicationScoped
public class SurveyAwardRepository {

    private final EntityManager em;

    public SurveyAwardRepository(EntityManager em) {
        this.em = em;
    }

    /** Records the award unless the member already has one for the wave; true when this call recorded it. */
    public boolean insertIfAbsent(
            UUID memberId,
            UUID waveId,
            UUID surveyId,
            UUID responseId,
            UUID eventId,
            long points,
            Instant answeredAt,
            Instant at) {
        return em.createNativeQuery("""
                insert into survey_award
                    (member_id, wave_id, survey_id, response_id, event_id, points, answered_at, awarded_at)
                values (:member, :wave, :survey, :response, :event, :points, :answered, :at)
                on conflict (member_id, wave_id) do nothing""")
                        .setParameter("member", memberId)
                        .setParameter("wave", waveId)
                        .setParameter("survey", surveyId)
                        .setParameter("response", responseId)
                        .setParameter("event", eventId)
                        .setParameter("points", points)
                        .setParameter("answered", answeredAt)
                        .setParameter("at", at)
                        .executeUpdate()
                == 1;
    }

    /**
     * Whether the member earned points (more than 0) for another wave of the survey with an answer given strictly
     * between {@code from} and {@code to}.
     */
    public boolean paidWithin(UUID memberId, UUID surveyId, UUID waveId, Instant from, Instant to) {
        return !em.createNativeQuery("""
                        select 1 from survey_award where member_id = :member and survey_id = :survey
                        and wave_id <> :wave and points > 0 and answered_at > :from and answered_at < :to
                        limit 1""")
                .setParameter("member", memberId)
                .setParameter("survey", surveyId)
                .setParameter("wave", waveId)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList()
                .isEmpty();
    }

    public long countForMember(UUID memberId) {
        return ((Number) em.createNativeQuery("select count(*) from survey_award where member_id = :member")
                        .setParameter("member", memberId)
                        .getSingleResult())
                .longValue();
    }
}
