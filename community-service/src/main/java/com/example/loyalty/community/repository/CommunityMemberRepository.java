package com.example.loyalty.community.repository;

import com.example.loyalty.community.domain.CommunityMember;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The {@code community_member} table. */
@ApplicationScoped
public class CommunityMemberRepository implements PanacheRepositoryBase<CommunityMember, UUID> {

    public Optional<CommunityMember> findBySubject(String subject) {
        return find("subject", subject).firstResultOptional();
    }

    /**
     * Records an enrolment: the member, their subject and display name, and their starting tier unless a later tier
     * change is already known. Idempotent; a subject already held by another member row is left there.
     */
    public void enrolled(UUID memberId, String subject, String displayName, String tier, Instant at) {
        getEntityManager()
                .createNativeQuery("""
                        insert into community_member (member_id, subject, display_name, tier, known_since, updated_at)
                        values (:member, :subject, :name, :tier, :at, :at)
                        on conflict (member_id) do update set
                            subject = coalesce(community_member.subject, excluded.subject),
                            display_name = coalesce(excluded.display_name, community_member.display_name),
                            tier = case when community_member.updated_at <= excluded.updated_at
                                        then coalesce(excluded.tier, community_member.tier)
                                        else community_member.tier end,
                            updated_at = greatest(community_member.updated_at, excluded.updated_at)""")
                .setParameter("member", memberId)
                .setParameter("subject", subject)
                .setParameter("name", displayName)
                .setParameter("tier", tier)
                .setParameter("at", at)
                .executeUpdate();
    }

    /** Records a tier change unless a later one is known; creates the member row if the enrolment is still to come. */
    public void tierChanged(UUID memberId, String tier, Instant at) {
        getEntityManager()
                .createNativeQuery("""
                        insert into community_member (member_id, tier, known_since, updated_at)
                        values (:member, :tier, :at, :at)
                        on conflict (member_id) do update set
                            tier = case when community_member.updated_at <= excluded.updated_at
                                        then excluded.tier else community_member.tier end,
                            updated_at = greatest(community_member.updated_at, excluded.updated_at)""")
                .setParameter("member", memberId)
                .setParameter("tier", tier)
                .setParameter("at", at)
                .executeUpdate();
    }

    /** Adds {@code delta} to the member's score (never below 0); returns the new score. */
    public long addToScore(UUID memberId, long delta) {
        Object score = getEntityManager()
                .createNativeQuery("""
                        update community_member set score = greatest(0, score + :delta)
                        where member_id = :member returning score""")
                .setParameter("member", memberId)
                .setParameter("delta", delta)
                .getSingleResult();
        return ((Number) score).longValue();
    }
}
