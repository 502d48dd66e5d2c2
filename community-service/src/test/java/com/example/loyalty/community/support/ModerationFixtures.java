package com.example.loyalty.community.support;

import com.example.loyalty.community.domain.ContributionKind;
import com.example.loyalty.community.repository.CommunityMemberRepository;
import com.example.loyalty.community.service.Contributions;
import com.example.loyalty.testing.TestTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Community rows written straight into the database, at chosen times (analytics, search and moderation tests need
 * content of known days and states without going through the writing API and its rate limits).
 */
@ApplicationScoped
public class ModerationFixtures {

    /** A member known to the community, with a token for them. */
    public record Member(UUID id, String subject, String token) {}

    private final EntityManager em;
    private final CommunityMemberRepository members;
    private final Contributions contributions;

    public ModerationFixtures(EntityManager em, CommunityMemberRepository members, Contributions contributions) {
        this.em = em;
        this.members = members;
        this.contributions = contributions;
    }

    @Transactional
    public Member member(String displayName, String tier) {
        UUID id = UUID.randomUUID();
        String subject = "sub-" + id;
        members.enrolled(id, subject, displayName, tier, Instant.now().minusSeconds(3600));
        return new Member(id, subject, TestTokens.token(subject, "member"));
    }

    @Transactional
    public void ban(UUID memberId) {
        em.createNativeQuery("update community_member set banned_at = now(), banned_by = 'test', ban_reason = 'test'"
                        + " where member_id = :m")
                .setParameter("m", memberId)
                .executeUpdate();
    }

    /** A space; open to all members when {@code tiers} is empty, else to those tiers only. */
    @Transactional
    public UUID space(String name, String... tiers) {
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                        insert into space (id, name, all_members, tiers, created_by, created_at, updated_at)
                        values (:id, :name, :all, cast(:tiers as text[]), 'test', now(), now())""")
                .setParameter("id", id)
                .setParameter("name", name)
                .setParameter("all", tiers.length == 0)
                .setParameter("tiers", "{" + String.join(",", tiers) + "}")
                .executeUpdate();
        return id;
    }

    @Transactional
    public UUID post(UUID space, UUID author, String kind, String title, String body, List<String> tags, Instant at) {
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                        insert into post (id, space_id, author_subject, author_member_id, kind, title, body, tags,
                            created_at, last_activity_at)
                        values (:id, :space, :subject, :author, :kind, :title, :body, cast(:tags as text[]), :at, :at)""")
                .setParameter("id", id)
                .setParameter("space", space)
                .setParameter("subject", author == null ? "staff" : "sub-" + author)
                .setParameter("author", author)
                .setParameter("kind", kind)
                .setParameter("title", title)
                .setParameter("body", body)
                .setParameter(
                        "tags",
                        "{"
                                + String.join(
                                        ",",
                                        tags.stream().map(t -> '"' + t + '"').toList()) + "}")
                .setParameter("at", micros(at))
                .executeUpdate();
        return id;
    }

    public UUID post(UUID space, UUID author, String title, String body, Instant at) {
        return post(space, author, "DISCUSSION", title, body, List.of(), at);
    }

    /** A comment (an answer when {@code answer}); the post's counters follow. */
    @Transactional
    public UUID comment(UUID post, UUID author, boolean answer, Instant at) {
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                        insert into comment (id, post_id, author_subject, author_member_id, body, answer, created_at)
                        values (:id, :post, :subject, :author, 'a comment', :answer, :at)""")
                .setParameter("id", id)
                .setParameter("post", post)
                .setParameter("subject", "sub-" + author)
                .setParameter("author", author)
                .setParameter("answer", answer)
                .setParameter("at", micros(at))
                .executeUpdate();
        recount(post);
        return id;
    }

    @Transactional
    public UUID reaction(String targetType, UUID target, UUID post, UUID member, String kind, Instant at) {
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                        insert into reaction (id, target_type, target_id, post_id, member_id, kind, created_at)
                        values (:id, :type, :target, :post, :member, :kind, :at)""")
                .setParameter("id", id)
                .setParameter("type", targetType)
                .setParameter("target", target)
                .setParameter("post", post)
                .setParameter("member", member)
                .setParameter("kind", kind)
                .setParameter("at", micros(at))
                .executeUpdate();
        return id;
    }

    /** A unique view of the post by {@code viewer} at {@code at} (its UTC day). */
    @Transactional
    public void view(UUID post, String viewer, Instant at) {
        em.createNativeQuery("""
                        insert into content_view (content_type, content_id, day, viewer, seen_at)
                        values ('POST', :post, :day, :viewer, :at)""")
                .setParameter("post", post)
                .setParameter("day", LocalDate.ofInstant(at, ZoneOffset.UTC))
                .setParameter("viewer", viewer)
                .setParameter("at", micros(at))
                .executeUpdate();
    }

    @Transactional
    public void accept(UUID post, UUID comment, Instant at) {
        em.createNativeQuery("""
                        update post set accepted_comment_id = :comment, accepted_at = :at, accepted_by = 'asker'
                        where id = :post""")
                .setParameter("post", post)
                .setParameter("comment", comment)
                .setParameter("at", micros(at))
                .executeUpdate();
    }

    /** Sets a column of a post or comment row (hidden_at, deleted_at, title, ...) straight in the table. */
    @Transactional
    public void set(String table, UUID id, String column, Object value) {
        em.createNativeQuery("update " + table + " set " + column + " = :value where id = :id")
                .setParameter("value", value instanceof Instant i ? micros(i) : value)
                .setParameter("id", id)
                .executeUpdate();
    }

    /** Records a contribution through {@link Contributions} (score, outbox), as the content service would. */
    @Transactional
    public void contribute(ContributionKind kind, UUID member, UUID content, UUID source, UUID space, Instant at) {
        contributions.record(Contributions.Cause.of(kind, member, content, source, space), at);
    }

    /** A contribution row of a given weight, standing or revoked, without touching the score. */
    @Transactional
    public void contributionRow(UUID member, String kind, UUID space, int weight, Instant at, boolean revoked) {
        em.createNativeQuery("""
                        insert into contribution (id, member_id, kind, content_id, source_id, space_id, weight,
                            occurred_at, revoked_at, revoke_reason)
                        values (:id, :member, :kind, :content, :content, :space, :weight, :at,
                            case when :revoked then cast(:at as timestamptz) end, case when :revoked then 'test' end)""")
                .setParameter("id", UUID.randomUUID())
                .setParameter("member", member)
                .setParameter("kind", kind)
                .setParameter("content", UUID.randomUUID())
                .setParameter("space", space)
                .setParameter("weight", weight)
                .setParameter("at", micros(at))
                .setParameter("revoked", revoked)
                .executeUpdate();
    }

    @Transactional
    public void recount(UUID post) {
        em.createNativeQuery("""
                        update post p set comment_count = (select count(*) from comment c where c.post_id = p.id
                                and c.hidden_at is null and c.deleted_at is null),
                            answer_count = (select count(*) from comment c where c.post_id = p.id and c.answer
                                and c.hidden_at is null and c.deleted_at is null)
                        where p.id = :post""").setParameter("post", post).executeUpdate();
    }

    /** A single value from SQL (counts, scores, columns) for assertions. */
    @Transactional
    public Object scalar(String sql, Object... params) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        List<?> rows = query.getResultList();
        return rows.isEmpty() ? null : rows.get(0);
    }

    private static Instant micros(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }
}
