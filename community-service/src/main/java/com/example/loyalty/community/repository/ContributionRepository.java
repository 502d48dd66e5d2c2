package com.example.loyalty.community.repository;

import com.example.loyalty.community.domain.Contribution;
import com.example.loyalty.community.domain.ContributionKind;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The {@code contribution} table. */
@ApplicationScoped
public class ContributionRepository implements PanacheRepositoryBase<Contribution, UUID> {

    /** Inserts the contribution unless its cause is already recorded; true when this call recorded it. */
    public boolean insertIfAbsent(Contribution c) {
        return getEntityManager()
                        .createNativeQuery("""
                                insert into contribution
                                    (id, member_id, kind, content_id, source_id, actor_id, space_id, weight, occurred_at)
                                values (:id, :member, :kind, :content, :source, :actor, :space, :weight, :at)
                                on conflict (kind, source_id) do nothing""")
                        .setParameter("id", c.id)
                        .setParameter("member", c.memberId)
                        .setParameter("kind", c.kind.name())
                        .setParameter("content", c.contentId)
                        .setParameter("source", c.sourceId)
                        .setParameter("actor", c.actorId)
                        .setParameter("space", c.spaceId)
                        .setParameter("weight", c.weight)
                        .setParameter("at", c.occurredAt)
                        .executeUpdate()
                == 1;
    }

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
