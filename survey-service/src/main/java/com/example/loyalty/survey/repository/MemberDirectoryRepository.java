package com.example.loyalty.survey.repository;

import com.example.loyalty.survey.domain.MemberDirectoryEntry;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The member directory. Writes are upserts that are safe when events of one member arrive on several topics in
 * any order: the subject is set by MemberEnrolled, the tier follows the newest event that carries one, the segment and
 * quadrant the SegmentChanged as of the latest day.
 */
@ApplicationScoped
public class MemberDirectoryRepository implements PanacheRepositoryBase<MemberDirectoryEntry, UUID> {

    /**
     * The member signed in with {@code subject}: for a merged member's login, the member it was merged into (the one
     * points-service answers for that login too). An erased member has no subject any more and is never found.
     */
    public Optional<MemberDirectoryEntry> findBySubject(String subject) {
        return find("subject", subject)
                .firstResultOptional()
                .map(m -> m.mergedInto == null
                        ? m
                        : findByIdOptional(m.mergedInto).orElse(m));
    }

    /** MemberEnrolled: ties the subject to the member id (a subject belongs to one member) and sees the tier. */
    public void enrolled(UUID memberId, String subject, String tier, Instant at) {
        if (subject != null) {
            getEntityManager()
                    .createNativeQuery("update member_directory set subject = null, updated_at = now() "
                            + "where subject = :subject and member_id <> :id")
                    .setParameter("subject", subject)
                    .setParameter("id", memberId)
                    .executeUpdate();
        }
        upsert(memberId, subject, tier, at);
    }

    /** A tier carried by an event that happened at {@code at}; an older event than the one seen changes nothing. */
    public void tierSeen(UUID memberId, String tier, Instant at) {
        upsert(memberId, null, tier, at);
    }

    private void upsert(UUID memberId, String subject, String tier, Instant at) {
        getEntityManager()
                .createNativeQuery("""
                        insert into member_directory (member_id, subject, tier, tier_as_of, updated_at)
                        values (:id, :subject, :tier, :asOf, now())
                        on conflict (member_id) do update set
                            subject = case when member_directory.erased_at is not null then null
                                      else coalesce(excluded.subject, member_directory.subject) end,
                            tier = case when excluded.tier is not null and (member_directory.tier_as_of is null
                                        or excluded.tier_as_of >= member_directory.tier_as_of)
                                   then excluded.tier else member_directory.tier end,
                            tier_as_of = greatest(member_directory.tier_as_of, excluded.tier_as_of),
                            updated_at = now()
                        """)
                .setParameter("id", memberId)
                .setParameter("subject", subject)
                .setParameter("tier", tier)
                .setParameter("asOf", tier == null ? null : at)
                .executeUpdate();
    }

    /**
     * MembersMerged: {@code mergedId} now stands for {@code survivorId}. Its row (created if its enrolment is still to
     * come) points at the survivor, as do the rows merged into it before (merges are flattened, one hop at most); the
     * survivor's row sees the tier the merge left it with.
     */
    public void merged(UUID mergedId, UUID survivorId, String tier, Instant at) {
        getEntityManager()
                .createNativeQuery("""
                        insert into member_directory (member_id, merged_into, updated_at) values (:m, :s, now())
                        on conflict (member_id) do update set merged_into = excluded.merged_into, updated_at = now()
                        """)
                .setParameter("m", mergedId)
                .setParameter("s", survivorId)
                .executeUpdate();
        getEntityManager()
                .createNativeQuery(
                        "update member_directory set merged_into = :s, updated_at = now() where merged_into = :m")
                .setParameter("m", mergedId)
                .setParameter("s", survivorId)
                .executeUpdate();
        upsert(survivorId, null, tier, at);
    }

    /** The subjects (logins) of the member and of the members merged into it. */
    @SuppressWarnings("unchecked")
    public List<String> subjectsOf(UUID memberId) {
        return getEntityManager()
                .createNativeQuery("select subject from member_directory where (member_id = :m or merged_into = :m) "
                        + "and subject is not null")
                .setParameter("m", memberId)
                .getResultList();
    }

    /**
     * MemberErased: the member's subject is dropped (also from the rows merged into it) and the row marked erased, so
     * no login maps to it any more and a late enrolment event does not bring the subject back. The row is created if
     * it was not there. Member id, tier and segment stay (they are points-service's pseudonymous id and what it says
     * of the member, no personal data).
     */
    public void erased(UUID memberId, Instant at) {
        getEntityManager()
                .createNativeQuery("""
                        insert into member_directory (member_id, erased_at, updated_at) values (:m, :at, now())
                        on conflict (member_id) do update set subject = null,
                            erased_at = coalesce(member_directory.erased_at, excluded.erased_at), updated_at = now()
                        """)
                .setParameter("m", memberId)
                .setParameter("at", at)
                .executeUpdate();
        getEntityManager()
                .createNativeQuery("update member_directory set subject = null, erased_at = coalesce(erased_at, :at), "
                        + "updated_at = now() where merged_into = :m")
                .setParameter("m", memberId)
                .setParameter("at", at)
                .executeUpdate();
    }

    /** A member's RFM segment and loyalty quadrant as of a day (from one SegmentChanged event). */
    public record SegmentSeen(UUID memberId, String segment, String quadrant, LocalDate asOf) {}

    /**
     * Applies SegmentChanged events in the caller's transaction with one statement, however many there are: per
     * member the one as of the latest day (the later in the list on a tie) is upserted, and it overwrites the row's
     * segment and quadrant only if it is as of the same day as the row's or later, so a late or redelivered event
     * never moves a member back. Members not in the directory yet get a row (subject and tier follow with
     * points-service's events). Rows are written in member id order, so concurrent writers lock alike.
     *
     * @return how many rows were inserted or changed
     */
    public int segmentsSeen(List<SegmentSeen> seen) {
        if (seen.isEmpty()) {
            return 0;
        }
        int n = seen.size();
        UUID[] ids = new UUID[n];
        String[] segments = new String[n];
        String[] quadrants = new String[n];
        Date[] asOf = new Date[n];
        for (int i = 0; i < n; i++) {
            SegmentSeen s = seen.get(i);
            ids[i] = s.memberId();
            segments[i] = s.segment();
            quadrants[i] = s.quadrant();
            asOf[i] = Date.valueOf(s.asOf());
        }
        return getEntityManager().unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into member_directory (member_id, segment, quadrant, segment_as_of, updated_at)
                    select distinct on (e.id) e.id, e.segment, e.quadrant, e.as_of, now()
                    from unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::date[]) with ordinality
                        as e(id, segment, quadrant, as_of, ord)
                    order by e.id, e.as_of desc, e.ord desc
                    on conflict (member_id) do update set
                        segment = excluded.segment,
                        quadrant = excluded.quadrant,
                        segment_as_of = excluded.segment_as_of,
                        updated_at = now()
                    where member_directory.segment_as_of is null
                        or excluded.segment_as_of >= member_directory.segment_as_of
                    """)) {
                ps.setArray(1, c.createArrayOf("uuid", ids));
                ps.setArray(2, c.createArrayOf("varchar", segments));
                ps.setArray(3, c.createArrayOf("varchar", quadrants));
                ps.setArray(4, c.createArrayOf("date", asOf));
                return ps.executeUpdate();
            }
        });
    }
}
