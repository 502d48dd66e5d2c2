package com.example.loyalty.community.repository;

import com.example.loyalty.community.domain.Contribution;
import com.example.loyalty.community.domain.ContributionKind;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/** The {@code contribution} table. */
@ApplicationScoped
public class ContributionRepository implements PanacheRepositoryBase<Contribution, UUID> {

    /**
     * Records the contribution unless its cause is already recorded, and adds its weight to its member's score, in one
     * statement (a data-modifying CTE) on the transaction's connection: every post, answer, review and reaction
     * records one, and it was two statements, each a Hibernate native query whose SQL Hibernate parses again on every
     * call. Pending entity changes are flushed first, as a query would. True when this call recorded it; the score is
     * untouched when not.
     *
     * @throws IllegalStateException when the member has no row (a contribution is only ever recorded for a known member)
     */
    public boolean recordAndScore(Contribution c) {
        EntityManager em = getEntityManager();
        em.flush();
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(RECORD_AND_SCORE)) {
                ps.setObject(1, c.id);
                ps.setObject(2, c.memberId);
                ps.setString(3, c.kind.name());
                ps.setObject(4, c.contentId);
                ps.setObject(5, c.sourceId);
                ps.setString(6, c.actorId);
                ps.setObject(7, c.spaceId);
                ps.setInt(8, c.weight);
                ps.setObject(9, java.time.OffsetDateTime.ofInstant(c.occurredAt, java.time.ZoneOffset.UTC));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    boolean recorded = rs.getInt(1) == 1;
                    if (recorded && rs.getInt(2) != 1) {
                        throw new IllegalStateException("no community member " + c.memberId + " to credit");
                    }
                    return recorded;
                }
            }
        });
    }

    private static final String RECORD_AND_SCORE = """
            with recorded as (
                insert into contribution
                    (id, member_id, kind, content_id, source_id, actor_id, space_id, weight, occurred_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (kind, source_id) do nothing
                returning member_id, weight),
            scored as (
                update community_member m set score = greatest(0, m.score + r.weight)
                from recorded r where m.member_id = r.member_id
                returning m.member_id)
            select (select count(*) from recorded), (select count(*) from scored)""";

    /** Marks the standing contributions about {@code contentId} revoked and returns them (locked rows, as they were). */
    @SuppressWarnings("unchecked")
    public List<Contribution> revokeAbout(UUID contentId, String reason, Instant at) {
        return getEntityManager()
                .createNativeQuery("""
                        update contribution set revoked_at = :at, revoke_reason = :reason
                        where content_id = :content and revoked_at is null
                        returning *""", Contribution.class)
                .setParameter("content", contentId)
                .setParameter("reason", reason)
                .setParameter("at", at)
                .getResultList();
    }

    /** Marks the standing contribution of {@code kind} caused by {@code sourceId} revoked; returns it, if any. */
    @SuppressWarnings("unchecked")
    public List<Contribution> revokeCausedBy(ContributionKind kind, UUID sourceId, String reason, Instant at) {
        return getEntityManager()
                .createNativeQuery("""
                        update contribution set revoked_at = :at, revoke_reason = :reason
                        where kind = :kind and source_id = :source and revoked_at is null
                        returning *""", Contribution.class)
                .setParameter("kind", kind.name())
                .setParameter("source", sourceId)
                .setParameter("reason", reason)
                .setParameter("at", at)
                .getResultList();
    }

    /** The member's latest contributions, newest first. */
    public List<Contribution> latest(UUID memberId, int limit) {
        return find("memberId = ?1 order by occurredAt desc, id", memberId)
                .page(0, limit)
                .list();
    }
}
