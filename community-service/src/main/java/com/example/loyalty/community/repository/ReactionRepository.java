package com.example.loyalty.community.repository;

import com.example.loyalty.community.domain.Reaction;
import com.example.loyalty.community.domain.ReactionKind;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code reaction} table: one row per member, target and kind (a unique key, so races cannot double it). */
@ApplicationScoped
public class ReactionRepository implements PanacheRepositoryBase<Reaction, UUID> {

    /** Inserts the reaction unless the member already reacted so; true when this call inserted it. */
    public boolean insertIfAbsent(Reaction r) {
        return getEntityManager()
                        .createNativeQuery("""
                                insert into reaction (id, target_type, target_id, post_id, member_id, kind, created_at)
                                values (:id, :type, :target, :post, :member, :kind, :at)
                                on conflict (target_id, member_id, kind) do nothing""")
                        .setParameter("id", r.id)
                        .setParameter("type", r.targetType.name())
                        .setParameter("target", r.targetId)
                        .setParameter("post", r.postId)
                        .setParameter("member", r.memberId)
                        .setParameter("kind", r.kind.name())
                        .setParameter("at", r.createdAt)
                        .executeUpdate()
                == 1;
    }

    /** Deletes the member's reaction of {@code kind} to the target; returns its id, if there was one. */
    @SuppressWarnings("unchecked")
    public Optional<UUID> delete(UUID targetId, UUID memberId, ReactionKind kind) {
        List<UUID> ids = getEntityManager()
                .createNativeQuery(
                        "delete from reaction where target_id = :target and member_id = :member and kind = :kind"
                                + " returning id")
                .setParameter("target", targetId)
                .setParameter("member", memberId)
                .setParameter("kind", kind.name())
                .getResultList();
        return ids.stream().findFirst();
    }

    /** The kinds of the member's reactions to the target. */
    public List<ReactionKind> kindsBy(UUID targetId, UUID memberId) {
        return find("targetId = ?1 and memberId = ?2 order by kind", targetId, memberId).stream()
                .map(r -> r.kind)
                .toList();
    }

    /** The member's reactions to any of the targets. */
    public List<Reaction> byMemberOn(Collection<UUID> targetIds, UUID memberId) {
        if (targetIds.isEmpty()) {
            return List.of();
        }
        return list("targetId in ?1 and memberId = ?2", targetIds, memberId);
    }
}
