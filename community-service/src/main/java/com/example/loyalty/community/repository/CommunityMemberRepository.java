package com.example.loyalty.community.repository;

import com.example.loyalty.common.persistence.ScalarQueries;
import com.example.loyalty.community.domain.CommunityMember;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The {@code community_member} table. */
@ApplicationScoped
public class CommunityMemberRepository implements PanacheRepositoryBase<CommunityMember, UUID> {

    /**
     * The member signed in with {@code subject}: for a merged member's login, the member it was merged into (points-service
     * answers that login as the survivor too). An erased member has no subject any more and is never found.
     */
    public Optional<CommunityMember> findBySubject(String subject) {
        return find("subject", subject)
                .firstResultOptional()
                .map(m -> m.mergedInto == null
                        ? m
                        : findByIdOptional(m.mergedInto).orElse(m));
    }

    /**
     * Display names of the members among {@code ids} that have one (an erased member's is gone): one projection, no
     * entity loaded, so a page of posts or comments adds nothing to the session's dirty checks.
     */
    public Map<UUID, String> displayNames(Collection<UUID> ids) {
        Map<UUID, String> names = new HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        getEntityManager()
                .createQuery(
                        "select m.memberId, m.displayName from CommunityMember m where m.memberId in :ids",
                        Object[].class)
                .setParameter("ids", ids)
                .getResultList()
                .forEach(row -> names.put((UUID) row[0], (String) row[1]));
        return names;
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
                            subject = case when community_member.erased_at is not null then null
                                      else coalesce(community_member.subject, excluded.subject) end,
                            display_name = case when community_member.erased_at is not null then null
                                           else coalesce(excluded.display_name, community_member.display_name) end,
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

    /**
     * MembersMerged: everything the community holds of {@code mergedId} becomes {@code survivorId}'s, and the merged
     * member's login acts as the survivor ({@link #findBySubject}). Moved: the score, contributions (also those it caused
     * for others), posts, comments, reactions, event registrations and reports. Where the survivor holds the same thing
     * already (a standing review of the product, the same reaction on the same content, a standing registration for the
     * event, an open report of the content), the merged member's stays where it is, still counted once as before. A ban
     * carries over (a merge does not lift one) and so does an ambassadorship, unless the survivor ends up banned. Rows
     * for members not known yet are created, so the order of events across topics does not matter.
     */
    public void merged(UUID mergedId, UUID survivorId, String tier, Instant at) {
        for (UUID id : java.util.List.of(survivorId, mergedId)) {
            getEntityManager()
                    .createNativeQuery("insert into community_member (member_id, known_since, updated_at) "
                            + "values (:m, :at, :at) on conflict (member_id) do nothing")
                    .setParameter("m", id)
                    .setParameter("at", at)
                    .executeUpdate();
        }
        if (tier != null) {
            tierChanged(survivorId, tier, at);
        }
        for (String statement : java.util.List.of(
                """
                update community_member s set
                    score = s.score + m.score,
                    banned_at = coalesce(s.banned_at, m.banned_at),
                    banned_by = case when s.banned_at is null then m.banned_by else s.banned_by end,
                    ban_reason = case when s.banned_at is null then m.ban_reason else s.ban_reason end,
                    ambassador_since = case when coalesce(s.banned_at, m.banned_at) is not null then null
                                       else coalesce(s.ambassador_since, m.ambassador_since) end,
                    ambassador_by = case when coalesce(s.banned_at, m.banned_at) is not null then null
                                    when s.ambassador_since is not null then s.ambassador_by else m.ambassador_by end
                from community_member m
                where s.member_id = :s and m.member_id = :m""",
                "update community_member set score = 0, merged_into = :s, ambassador_since = null, ambassador_by = null "
                        + "where member_id = :m",
                "update community_member set merged_into = :s where merged_into = :m",
                "update contribution set member_id = :s where member_id = :m",
                "update contribution set actor_id = cast(:s as text) where actor_id = cast(:m as text)",
                """
                update post p set author_member_id = :s where author_member_id = :m
                    and not (p.kind = 'REVIEW' and p.deleted_at is null and exists (select 1 from post q
                        where q.author_member_id = :s and q.product_id = p.product_id and q.kind = 'REVIEW'
                        and q.deleted_at is null))""",
                "update comment set author_member_id = :s where author_member_id = :m",
                """
                update reaction r set member_id = :s where member_id = :m and not exists (select 1 from reaction x
                    where x.target_id = r.target_id and x.member_id = :s and x.kind = r.kind)""",
                """
                update event_registration r set member_id = :s where member_id = :m and (r.status = 'CANCELLED'
                    or not exists (select 1 from event_registration x where x.event_id = r.event_id
                        and x.member_id = :s and x.status <> 'CANCELLED'))""",
                """
                update content_report r set reporter_member_id = :s where reporter_member_id = :m and (r.status <> 'OPEN'
                    or not exists (select 1 from content_report x where x.content_id = r.content_id
                        and x.reporter_member_id = :s and x.status = 'OPEN'))""")) {
            getEntityManager()
                    .createNativeQuery(statement)
                    .setParameter("m", mergedId)
                    .setParameter("s", survivorId)
                    .executeUpdate();
        }
    }

    /**
     * MemberErased: the member's subject and display name are dropped (also on the members merged into it) and the row
     * marked erased (created if unknown, so a late enrolment does not bring them back). What they wrote stays, shown as
     * by an erased member: their login is replaced by {@link CommunityMember#ERASED} on their posts and comments, the
     * revisions they made, the acceptances they gave and the views they left. Member ids (points-service's pseudonymous
     * ids) stay, so contributions, reactions, registrations and reports still count.
     */
    @SuppressWarnings("unchecked")
    public void erased(UUID memberId, Instant at) {
        getEntityManager()
                .createNativeQuery("insert into community_member (member_id, known_since, updated_at) "
                        + "values (:m, :at, :at) on conflict (member_id) do nothing")
                .setParameter("m", memberId)
                .setParameter("at", at)
                .executeUpdate();
        List<UUID> ids = ScalarQueries.of(
                        getEntityManager(),
                        "select member_id from community_member where member_id = :m or merged_into = :m",
                        "member_id",
                        UUID.class)
                .setParameter("m", memberId)
                .getResultList();
        List<String> subjects = getEntityManager()
                .createNativeQuery(
                        "select subject from community_member where member_id in (:ids) and subject is not null")
                .setParameter("ids", ids)
                .getResultList();
        if (!subjects.isEmpty()) {
            for (String statement : List.of(
                    "update post set author_subject = :erased where author_member_id in (:ids)",
                    "update comment set author_subject = :erased where author_member_id in (:ids)",
                    // a member accepts answers on their own questions, edits their own posts and comments only
                    "update post set accepted_by = :erased where author_member_id in (:ids) "
                            + "and accepted_by in (:subjects)",
                    "update post_revision set replaced_by = :erased where replaced_by in (:subjects) "
                            + "and post_id in (select id from post where author_member_id in (:ids))",
                    "update comment_revision set replaced_by = :erased where replaced_by in (:subjects) "
                            + "and comment_id in (select id from comment where author_member_id in (:ids))",
                    // unique viewers per content and day still count: each view keeps a tombstone of its own (a scan
                    // of content_view, which has no index by viewer; erasures are rare)
                    "update content_view set viewer = :erasedPrefix || cast(gen_random_uuid() as text) "
                            + "where viewer in (:subjects)")) {
                var query = getEntityManager().createNativeQuery(statement);
                if (statement.contains(":erasedPrefix")) {
                    query.setParameter("erasedPrefix", CommunityMember.ERASED + ":");
                } else {
                    query.setParameter("erased", CommunityMember.ERASED);
                }
                if (statement.contains(":ids")) {
                    query.setParameter("ids", ids);
                }
                if (statement.contains(":subjects")) {
                    query.setParameter("subjects", subjects);
                }
                query.executeUpdate();
            }
        }
        getEntityManager()
                .createNativeQuery("update community_member set subject = null, display_name = null, "
                        + "erased_at = coalesce(erased_at, :at) where member_id in (:ids)")
                .setParameter("ids", ids)
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
