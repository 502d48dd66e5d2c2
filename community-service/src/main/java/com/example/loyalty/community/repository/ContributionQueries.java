package com.example.loyalty.community.repository;

import com.example.loyalty.community.domain.Contribution;
import com.example.loyalty.community.domain.ContributionKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads of the {@code contribution} table for profiles and ambassador candidates. */
@ApplicationScoped
public class ContributionQueries {

    private final EntityManager em;

    public ContributionQueries(EntityManager em) {
        this.em = em;
    }

    /** The member's standing (not revoked) contributions, counted by kind. */
    public Map<ContributionKind, Long> standingByKind(UUID memberId) {
        List<Object[]> rows = em.createQuery("""
                        select c.kind, count(c) from Contribution c
                        where c.memberId = :member and c.revokedAt is null group by c.kind""", Object[].class)
                .setParameter("member", memberId)
                .getResultList();
        Map<ContributionKind, Long> counts = new EnumMap<>(ContributionKind.class);
        for (Object[] row : rows) {
            counts.put((ContributionKind) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }

    /**
     * The member's contributions, newest first (revoked ones included), after the keyset cursor
     * {@code (beforeAt, beforeId)} when given.
     */
    public List<Contribution> history(UUID memberId, Instant beforeAt, UUID beforeId, int limit) {
        if (beforeAt == null) {
            return em.createQuery(
                            "from Contribution c where c.memberId = :member order by c.occurredAt desc, c.id desc",
                            Contribution.class)
                    .setParameter("member", memberId)
                    .setMaxResults(limit)
                    .getResultList();
        }
        return em.createQuery("""
                        from Contribution c where c.memberId = :member
                          and (c.occurredAt < :at or (c.occurredAt = :at and c.id < :id))
                        order by c.occurredAt desc, c.id desc""", Contribution.class)
                .setParameter("member", memberId)
                .setParameter("at", beforeAt)
                .setParameter("id", beforeId)
                .setMaxResults(limit)
                .getResultList();
    }

    /** One ambassador candidate: their standing in the window and now. */
    public record Candidate(
            UUID memberId,
            String displayName,
            long score,
            long windowScore,
            long acceptedAnswers,
            long reviews,
            Instant ambassadorSince) {}

    /**
     * Members ranked by their standing contributions in {@code [from, to)}: the window's score (sum of weights), then
     * accepted answers, then reviews, then the overall score; banned members left out.
     */
    @SuppressWarnings("unchecked")
    public List<Candidate> candidates(Instant from, Instant to, int limit) {
        List<Object[]> rows = em.createNativeQuery("""
                        select m.member_id, m.display_name, m.score,
                               sum(c.weight) as window_score,
                               count(*) filter (where c.kind = 'ACCEPTED_ANSWER') as accepted,
                               count(*) filter (where c.kind = 'REVIEW') as reviews,
                               m.ambassador_since
                        from contribution c
                        join community_member m on m.member_id = c.member_id
                        where c.revoked_at is null and c.occurred_at >= :from and c.occurred_at < :to
                          and m.banned_at is null
                        group by m.member_id
                        order by window_score desc, accepted desc, reviews desc, m.score desc, m.member_id
                        limit :limit""")
                .setParameter("from", from)
                .setParameter("to", to)
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream()
                .map(r -> new Candidate(
                        (UUID) r[0],
                        (String) r[1],
                        ((Number) r[2]).longValue(),
                        ((Number) r[3]).longValue(),
                        ((Number) r[4]).longValue(),
                        ((Number) r[5]).longValue(),
                        (Instant) r[6]))
                .toList();
    }
}
