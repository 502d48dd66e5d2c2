package com.example.loyalty.community.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The append-only {@code moderation_action} table: who did what to which target, when and why. */
@ApplicationScoped
public class ModerationLog {

    /** One audited action. */
    public record Entry(
            long id, String actor, String action, String targetType, String targetId, String reason, Instant at) {}

    private final EntityManager em;

    public ModerationLog(EntityManager em) {
        this.em = em;
    }

    /** Appends an action in the caller's transaction, so it is audited if and only if it happened. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String actor, String action, String targetType, String targetId, String reason, Instant at) {
        em.createNativeQuery("""
                        insert into moderation_action (actor, action, target_type, target_id, reason, at)
                        values (:actor, :action, :type, :target, :reason, :at)""")
                .setParameter("actor", actor)
                .setParameter("action", action)
                .setParameter("type", targetType)
                .setParameter("target", targetId)
                .setParameter("reason", reason)
                .setParameter("at", at.truncatedTo(ChronoUnit.MICROS))
                .executeUpdate();
    }

    /** The newest actions, optionally about one target, newest first; {@code before} is an id cursor (exclusive). */
    @SuppressWarnings("unchecked")
    public List<Entry> latest(String targetType, String targetId, Long before, int limit) {
        List<Object[]> rows = em.createNativeQuery("""
                        select id, actor, action, target_type, target_id, reason, at from moderation_action
                        where (cast(:type as text) is null or (target_type = :type and target_id = :target))
                          and (cast(:before as bigint) is null or id < :before)
                        order by id desc limit :limit""")
                .setParameter("type", targetType)
                .setParameter("target", targetId)
                .setParameter("before", before)
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream()
                .map(r -> new Entry(
                        ((Number) r[0]).longValue(),
                        (String) r[1],
                        (String) r[2],
                        (String) r[3],
                        (String) r[4],
                        (String) r[5],
                        (Instant) r[6]))
                .toList();
    }
}
