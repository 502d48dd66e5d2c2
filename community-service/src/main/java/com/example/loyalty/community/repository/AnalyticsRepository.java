package com.example.loyalty.community.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The community's activity over a window of days, by SQL aggregates (no content row is loaded into the service).
 * Everything counts visible content only: hidden and deleted posts and comments, and what happens on them, are left
 * out. Days are Asia/Tokyo days.
 */
@ApplicationScoped
public class AnalyticsRepository {

    /** The window: {@code [start, end)} as instants, {@code from..to} as Tokyo days, optionally one space. */
    public record Window(Instant start, Instant end, LocalDate from, LocalDate to, UUID spaceId) {}

    public record Day(LocalDate day, long posts, long comments, long reactions, long views) {}

    public record Activity(List<Day> days, long activeMembers) {}

    public record Questions(long asked, long answered, Double medianHoursToFirstAnswer, Double medianHoursToAccepted) {}

    public record Ranked(UUID id, String title, long count) {}

    public record Contributor(UUID memberId, String displayName, long score) {}

    public record Unanswered(UUID id, String title, Instant createdAt) {}

    private static final String ZONE = "Asia/Tokyo";

    // a visible post, in the space asked for (if any)
    private static final String VISIBLE_POST = "p.hidden_at is null and p.deleted_at is null"
            + " and (cast(:space as uuid) is null or p.space_id = cast(:space as uuid))";

    // views are stored per UTC day: a Tokyo day lies within its own UTC day and the one before
    private static final String VIEWS_IN_WINDOW = "v.content_type = 'POST'"
            + " and v.day between cast(:utcFrom as date) and cast(:utcTo as date)"
            + " and v.seen_at >= :start and v.seen_at < :end";

    private static final String EVENTS = sql("""
            with ev as (
                select p.created_at as at, 'P' as k, p.author_member_id as m
                from post p
                where p.created_at >= :start and p.created_at < :end and {visible}
                union all
                select c.created_at, 'C', c.author_member_id
                from comment c join post p on p.id = c.post_id
                where c.created_at >= :start and c.created_at < :end and c.hidden_at is null and c.deleted_at is null
                  and {visible}
                union all
                select r.created_at, 'R', r.member_id
                from reaction r join post p on p.id = r.post_id
                left join comment c on r.target_type = 'COMMENT' and c.id = r.target_id
                where r.created_at >= :start and r.created_at < :end
                  and (r.target_type = 'POST' or (c.hidden_at is null and c.deleted_at is null))
                  and {visible}
                union all
                select v.seen_at, 'V', null
                from content_view v join post p on p.id = v.content_id
                where {views} and {visible}
            )
            """);

    private static final String QUESTIONS = sql("""
            with q as (
                select p.id, p.title, p.created_at, p.accepted_at,
                    (select min(c.created_at) from comment c
                     where c.post_id = p.id and c.answer and c.hidden_at is null and c.deleted_at is null)
                        as first_answer_at,
                    (select a.hidden_at is null and a.deleted_at is null from comment a
                     where a.id = p.accepted_comment_id) as accepted_visible
                from post p
                where p.kind = 'QUESTION' and p.created_at >= :start and p.created_at < :end and {visible}
            )
            """);

    private final EntityManager em;

    public AnalyticsRepository(EntityManager em) {
        this.em = em;
    }

    /** Posts, comments, reactions and views per day (every day of the window, zeros included), and active members. */
    @SuppressWarnings("unchecked")
    public Activity activity(Window w) {
        List<Object[]> rows = query(EVENTS + """
                                select cast(d.day as date) as day,
                                    count(ev.k) filter (where ev.k = 'P'), count(ev.k) filter (where ev.k = 'C'),
                                    count(ev.k) filter (where ev.k = 'R'), count(ev.k) filter (where ev.k = 'V'),
                                    count(distinct ev.m)
                                from generate_series(cast(:from as date), cast(:to as date), interval '1 day') as d(day)
                                left join ev on cast(ev.at at time zone '%s' as date) = cast(d.day as date)
                                group by grouping sets ((cast(d.day as date)), ())
                                order by 1 nulls last""".formatted(ZONE), w).getResultList();
        List<Day> days = rows.stream()
                .filter(r -> r[0] != null)
                .map(r -> new Day(toDate(r[0]), count(r[1]), count(r[2]), count(r[3]), count(r[4])))
                .toList();
        long active = rows.stream()
                .filter(r -> r[0] == null)
                .mapToLong(r -> count(r[5]))
                .sum();
        return new Activity(days, active);
    }

    /** Questions asked in the window: how many, how many have a visible answer, median times to answers. */
    public Questions questions(Window w) {
        Object[] r = (Object[]) query(QUESTIONS + """
                                select count(*), count(first_answer_at),
                                    round(cast(percentile_cont(0.5) within group (
                                        order by extract(epoch from first_answer_at - created_at) / 3600) as numeric), 2),
                                    round(cast(percentile_cont(0.5) within group (
                                        order by case when accepted_visible
                                            then extract(epoch from accepted_at - created_at) / 3600 end)
                                        as numeric), 2)
                                from q""", w).getSingleResult();
        return new Questions(count(r[0]), count(r[1]), hours(r[2]), hours(r[3]));
    }

    /** Questions asked in the window without a visible answer, longest waiting first. */
    @SuppressWarnings("unchecked")
    public List<Unanswered> unanswered(Window w, int limit) {
        List<Object[]> rows =
                query(QUESTIONS + """
                                select id, title, created_at from q where first_answer_at is null
                                order by created_at, id limit :limit""", w).setParameter("limit", limit).getResultList();
        return rows.stream()
                .map(r -> new Unanswered((UUID) r[0], (String) r[1], (Instant) r[2]))
                .toList();
    }

    /** Visible posts by unique views in the window. */
    @SuppressWarnings("unchecked")
    public List<Ranked> topByViews(Window w, int limit) {
        List<Object[]> rows = query("""
                                select p.id, p.title, count(*) as views
                                from content_view v join post p on p.id = v.content_id
                                where {views} and {visible}
                                group by p.id, p.title order by views desc, p.id limit :limit""", w).setParameter("limit", limit).getResultList();
        return ranked(rows);
    }

    /** Visible posts by reactions to the post itself given in the window. */
    @SuppressWarnings("unchecked")
    public List<Ranked> topByReactions(Window w, int limit) {
        List<Object[]> rows = query("""
                                select p.id, p.title, count(*) as reactions
                                from reaction r join post p on p.id = r.target_id
                                where r.target_type = 'POST' and r.created_at >= :start and r.created_at < :end
                                  and {visible}
                                group by p.id, p.title order by reactions desc, p.id limit :limit""", w).setParameter("limit", limit).getResultList();
        return ranked(rows);
    }

    /** Members by the weight of their standing (not revoked) contributions that occurred in the window. */
    @SuppressWarnings("unchecked")
    public List<Contributor> topContributors(Window w, int limit) {
        List<Object[]> rows = em.createNativeQuery("""
                        select c.member_id, m.display_name, sum(c.weight) as score
                        from contribution c join community_member m on m.member_id = c.member_id
                        where c.revoked_at is null and c.occurred_at >= :start and c.occurred_at < :end
                          and (cast(:space as uuid) is null or c.space_id = cast(:space as uuid))
                        group by c.member_id, m.display_name
                        having sum(c.weight) > 0
                        order by score desc, c.member_id limit :limit""")
                .setParameter("start", w.start())
                .setParameter("end", w.end())
                .setParameter("space", w.spaceId())
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream()
                .map(r -> new Contributor((UUID) r[0], (String) r[1], count(r[2])))
                .toList();
    }

    private static String sql(String template) {
        return template.replace("{visible}", VISIBLE_POST).replace("{views}", VIEWS_IN_WINDOW);
    }

    /** The query of {@code template} (placeholders filled in) with the window's parameters it uses bound. */
    private Query query(String template, Window w) {
        String sql = sql(template);
        Query query = em.createNativeQuery(sql)
                .setParameter("start", w.start())
                .setParameter("end", w.end())
                .setParameter("space", w.spaceId());
        if (sql.contains(":from")) {
            query.setParameter("from", w.from()).setParameter("to", w.to());
        }
        if (sql.contains(":utcFrom")) {
            query.setParameter("utcFrom", w.from().minusDays(1)).setParameter("utcTo", w.to());
        }
        return query;
    }

    private static List<Ranked> ranked(List<Object[]> rows) {
        return rows.stream()
                .map(r -> new Ranked((UUID) r[0], (String) r[1], count(r[2])))
                .toList();
    }

    private static long count(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Double hours(Object value) {
        return value == null ? null : ((BigDecimal) value).doubleValue();
    }

    private static LocalDate toDate(Object value) {
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        return LocalDate.parse(value.toString());
    }
}
