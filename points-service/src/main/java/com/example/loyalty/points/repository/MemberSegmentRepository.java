package com.example.loyalty.points.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Each member's latest RFM segment ({@code member_segment}, kept from metrics-service's SegmentChanged events). */
@ApplicationScoped
public class MemberSegmentRepository {

    private final EntityManager em;

    public MemberSegmentRepository(EntityManager em) {
        this.em = em;
    }

    /** A member's segment and quadrant as of a day (one SegmentChanged event). */
    public record SegmentSeen(UUID memberId, String segment, String quadrant, java.time.LocalDate asOf) {}

    /** The member's segment; empty when never scored. */
    public Optional<String> segmentOf(UUID memberId) {
        return SqlArrays.work(em, c -> {
            try (PreparedStatement ps = c.prepareStatement("select segment from member_segment where member_id = ?")) {
                ps.setObject(1, memberId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    /**
     * Applies SegmentChanged events in the caller's transaction with one statement: per member the one as of the latest
     * day (the later in the list on a tie), and only over a row as of the same day or earlier, so a late or redelivered
     * event never moves a member back. Members this service does not have, merged away or erased, are skipped (a merge
     * keeps the survivor's row; an erasure deleted the member's). Rows are written in member id order.
     *
     * @return rows inserted or changed
     */
    public int segmentsSeen(List<SegmentSeen> seen) {
        if (seen.isEmpty()) {
            return 0;
        }
        return SqlArrays.work(em, c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into member_segment (member_id, segment, quadrant, as_of, updated_at)
                    select distinct on (e.id) e.id, e.segment, e.quadrant, e.as_of, now()
                    from unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::date[]) with ordinality
                        as e(id, segment, quadrant, as_of, ord)
                    join member m on m.id = e.id and m.merged_into is null and m.erased_at is null
                    order by e.id, e.as_of desc, e.ord desc
                    on conflict (member_id) do update set
                        segment = excluded.segment,
                        quadrant = excluded.quadrant,
                        as_of = excluded.as_of,
                        updated_at = now()
                    where excluded.as_of >= member_segment.as_of
                    """)) {
                SqlArrays.bind(
                        ps,
                        1,
                        c,
                        "uuid",
                        seen.stream().map(SegmentSeen::memberId).toList());
                SqlArrays.bind(
                        ps,
                        2,
                        c,
                        "varchar",
                        seen.stream().map(SegmentSeen::segment).toList());
                SqlArrays.bind(
                        ps,
                        3,
                        c,
                        "varchar",
                        seen.stream().map(SegmentSeen::quadrant).toList());
                SqlArrays.bind(
                        ps,
                        4,
                        c,
                        "date",
                        seen.stream().map(s -> Date.valueOf(s.asOf())).toList());
                return ps.executeUpdate();
            }
        });
    }
}
