package com.example.loyalty.community.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A page of a space's feed, read as one statement: whether the caller sees the space (staff see every space, a member
 * those open to all members or to their tier, a merged member's login acting as the survivor), the page of its visible
 * posts, and each author's display name. No entity is loaded: the page is a read model, and the feed is read far more
 * often than anything else in the community, so it costs one round trip and no transaction.
 */
@ApplicationScoped
public class FeedRepository {

    /** The orders of a space's feed. */
    public enum FeedOrder {
        /** newest first, by creation */
        NEWEST,
        /** latest activity (creation or last visible comment) first */
        ACTIVE,
        /** questions without a visible answer, newest first */
        UNANSWERED
    }

    /** A feed position: the order key and id of the last post of the previous page (exclusive). */
    public record FeedPosition(Instant at, UUID id) {}

    /** Who reads: a staff caller (marketer, admin) sees every space, anyone else by their member's tier. */
    public record Reader(String subject, boolean staff) {}

    /**
     * A post as a feed shows it.
     *
     * @param excerpt the body's first {@link #EXCERPT_CODE_POINTS} code points (at least as many UTF-16 chars as a
     *     summary cuts it to)
     * @param authorName the author's display name; null for the brand and for a member whose name is not known
     */
    public record FeedEntry(
            UUID id,
            String kind,
            String title,
            String excerpt,
            String format,
            List<String> tags,
            String productId,
            Integer rating,
            String authorSubject,
            UUID authorMemberId,
            String authorName,
            Instant createdAt,
            Instant lastActivityAt,
            int commentCount,
            int answerCount,
            long viewCount,
            int likeCount,
            int helpfulCount,
            int thanksCount,
            boolean solved) {}

    /** How much of a body the page carries: a summary shows the first 200 chars. */
    static final int EXCERPT_CODE_POINTS = 200;

    private final DataSource dataSource;

    public FeedRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Up to {@code limit} visible posts of the space in {@code order}, after {@code after} (null: from the start); empty
     * when there is no such space or the reader does not see it.
     */
    public Optional<List<FeedEntry>> page(UUID spaceId, Reader reader, FeedOrder order, FeedPosition after, int limit) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql(order, after != null, limit))) {
            int i = 1;
            if (after != null) {
                ps.setObject(i++, OffsetDateTime.ofInstant(after.at(), ZoneOffset.UTC));
                ps.setObject(i++, after.id());
            }
            ps.setObject(i++, spaceId);
            ps.setBoolean(i++, reader.staff());
            ps.setString(i, reader.subject());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                List<FeedEntry> entries = new ArrayList<>(limit);
                // a space without a post in this order is one row of nulls
                if (rs.getObject(1) != null) {
                    do {
                        entries.add(entry(rs));
                    } while (rs.next());
                }
                return Optional.of(entries);
            }
        } catch (SQLException e) {
            // as Hibernate would: a database that is away becomes the shared 503 (DatabaseProblemMappers)
            throw new PersistenceException("reading the feed of space " + spaceId + " failed", e);
        }
    }

    /**
     * The statement: the space (if the reader sees it) joined with one backward range scan of the order's partial
     * index ({@code post_feed_newest}, {@code post_feed_active}, {@code post_feed_unanswered}) from the cursor, whatever
     * the space's size. The limit is written into the statement (a bound int, never client text), so even a prepared
     * statement's generic plan is made for a short page (FeedTest explains it). Parameters: the cursor's time and id
     * (when {@code after}), the space, whether the reader is staff, the reader's subject.
     */
    public static String sql(FeedOrder order, boolean after, int limit) {
        String key = order == FeedOrder.ACTIVE ? "last_activity_at" : "created_at";
        String only = order == FeedOrder.UNANSWERED ? " and kind = 'QUESTION' and answer_count = 0" : "";
        String from = after ? " and (" + key + ", id) < (?, ?)" : "";
        return """
                select p.id, p.kind, p.title, p.excerpt, p.format, p.tags, p.product_id, p.rating, p.author_subject,
                       p.author_member_id, p.author_name, p.created_at, p.last_activity_at, p.comment_count,
                       p.answer_count, p.view_count, p.like_count, p.helpful_count, p.thanks_count, p.solved
                from space s
                left join lateral (
                    select id, kind, title, left(body, %d) as excerpt, format, tags, product_id, rating, author_subject,
                           author_member_id,
                           (select a.display_name from community_member a where a.member_id = author_member_id)
                               as author_name,
                           created_at, last_activity_at, comment_count, answer_count, view_count, like_count,
                           helpful_count, thanks_count, accepted_comment_id is not null as solved
                    from post
                    where space_id = s.id and hidden_at is null and deleted_at is null%s%s
                    order by %s desc, id desc
                    limit %d
                ) p on true
                where s.id = ?
                  and (? or s.all_members or exists (
                        select 1
                        from community_member c
                        left join community_member survivor on survivor.member_id = c.merged_into
                        where c.subject = ?
                          and upper(case when survivor.member_id is null then c.tier else survivor.tier end)
                              = any (s.tiers)))
                order by p.%s desc, p.id desc
                """.formatted(EXCERPT_CODE_POINTS, only, from, key, limit, key);
    }

    private static FeedEntry entry(ResultSet rs) throws SQLException {
        Object rating = rs.getObject(8);
        return new FeedEntry(
                rs.getObject(1, UUID.class),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                List.of((String[]) rs.getArray(6).getArray()),
                rs.getString(7),
                rating == null ? null : ((Number) rating).intValue(),
                rs.getString(9),
                rs.getObject(10, UUID.class),
                rs.getString(11),
                rs.getObject(12, OffsetDateTime.class).toInstant(),
                rs.getObject(13, OffsetDateTime.class).toInstant(),
                rs.getInt(14),
                rs.getInt(15),
                rs.getLong(16),
                rs.getInt(17),
                rs.getInt(18),
                rs.getInt(19),
                rs.getBoolean(20));
    }
}
