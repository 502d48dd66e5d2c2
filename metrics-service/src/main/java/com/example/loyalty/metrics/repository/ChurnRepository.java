package com.example.loyalty.metrics.repository;

import com.example.loyalty.metrics.domain.ChurnPeriods;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Churn from {@code member_purchase} in one statement (see {@link ChurnPeriods} for the definitions): every purchase
 * of the range (from W days before its first checkpoint to the day before the last) is mapped to the range of
 * checkpoints it makes its member active at ({@code width_bucket} over the sorted checkpoints); one window pass per
 * member, in purchase order (the {@code (currency, member_id, occurred_at)} index gives that order, and holds every
 * column read), finds where each run of consecutive or overlapping ranges starts and ends; only the counts per
 * checkpoint index leave the database, a few hundred rows at most whatever the number of members.
 */
@ApplicationScoped
public class ChurnRepository {

    private final EntityManager em;

    public ChurnRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * How many runs of activity start and end at each checkpoint index.
     *
     * @param checkpoints    ascending days (see {@link ChurnPeriods#checkpoints()})
     * @param inactivityDays W, at least 1
     */
    public List<ChurnPeriods.RunCount> runs(
            String currency, ZoneId zone, List<LocalDate> checkpoints, int inactivityDays) {
        LocalDate first = checkpoints.get(0).minusDays(inactivityDays);
        LocalDate last = checkpoints.get(checkpoints.size() - 1);
        Instant fromInstant = first.atStartOfDay(zone).toInstant();
        Instant toInstant = last.atStartOfDay(zone).toInstant();
        String day = PurchaseDays.dayOf("occurred_at", zone);
        String sql = "select lo, hi, starts, ends, count(*) from ("
                + " select lo, hi,"
                + " (prev_hi is null or prev_hi + 1 < lo) as starts,"
                + " (next_lo is null or next_lo > hi + 1) as ends"
                + " from ("
                + "  select lo, hi, lag(hi) over w as prev_hi, lead(lo) over w as next_lo"
                + "  from ("
                + "   select member_id, occurred_at, width_bucket(d, ?::date[]) as lo,"
                + "   width_bucket(d + ?::int, ?::date[]) - 1 as hi"
                + "   from (select member_id, occurred_at, " + day + " as d from member_purchase"
                + "         where currency = ?::char(3) and occurred_at >= ? and occurred_at < ?) p"
                + "  ) r where lo <= hi"
                + "  window w as (partition by member_id order by occurred_at)"
                + " ) x"
                + ") y where starts or ends group by lo, hi, starts, ends";
        return Jdbc.work(em, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                Object[] days = checkpoints.stream().map(Date::valueOf).toArray();
                ps.setArray(1, c.createArrayOf("date", days));
                ps.setInt(2, inactivityDays);
                ps.setArray(3, c.createArrayOf("date", days));
                PurchaseDays.bind(ps, 4, zone);
                ps.setString(5, currency);
                ps.setObject(6, fromInstant.atOffset(ZoneOffset.UTC));
                ps.setObject(7, toInstant.atOffset(ZoneOffset.UTC));
                Map<Integer, long[]> byIndex = new HashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int lo = rs.getInt(1);
                        int hi = rs.getInt(2);
                        long n = rs.getLong(5);
                        if (rs.getBoolean(3)) {
                            byIndex.computeIfAbsent(lo, k -> new long[2])[0] += n;
                        }
                        if (rs.getBoolean(4)) {
                            byIndex.computeIfAbsent(hi, k -> new long[2])[1] += n;
                        }
                    }
                }
                List<ChurnPeriods.RunCount> runs = new ArrayList<>(byIndex.size());
                byIndex.forEach((i, counts) -> runs.add(new ChurnPeriods.RunCount(i, counts[0], counts[1])));
                return runs;
            }
        });
    }
}
