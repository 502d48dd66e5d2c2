package com.example.loyalty.metrics.repository;

import com.example.loyalty.metrics.domain.clv.PurchaseSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Per-member purchase summaries for the lifetime value models, computed set-based over {@code member_purchase} in one
 * statement: purchases of one currency up to the end of a day are grouped into calendar days of the behaviour zone
 * (several purchases on a day are one occasion, their amounts summed); per member the first and last day, the number
 * of repeat days (x) and the spend of those repeat days (minor units). {@link PurchaseSummary#fromDays} turns these into
 * x, t_x, T (weeks) and zbar (major units), the same code as the in-memory {@link
 * com.example.loyalty.metrics.domain.clv.PurchaseDays}.
 */
@ApplicationScoped
public class PurchaseSummaryRepository {

    private static final String DAYS = "with days as ("
            + " select member_id, (occurred_at at time zone ?)::date as day, sum(amount) as spend"
            + " from member_purchase where currency = ? and occurred_at < ? %s"
            + " group by member_id, day),"
            + " ranked as (select member_id, day, spend, min(day) over (partition by member_id) as first_day from days)"
            + " select member_id, first_day, max(day) as last_day, count(*) - 1 as repeat_days,"
            + " coalesce(sum(spend) filter (where day > first_day), 0) as repeat_spend"
            + " from ranked group by member_id, first_day";

    private final EntityManager em;

    public PurchaseSummaryRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * The summary of every member with a purchase in {@code currency} on or before {@code end} (a day in {@code zone}).
     *
     * @param fractionDigits the currency's minor-unit digits (zbar is converted to major units)
     */
    public List<PurchaseSummary> summaries(String currency, ZoneId zone, LocalDate end, int fractionDigits) {
        return Jdbc.work(em, c -> {
            try (PreparedStatement ps = c.prepareStatement(DAYS.formatted(""))) {
                bind(ps, currency, zone, end);
                List<PurchaseSummary> list = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        list.add(summary(rs, end, fractionDigits));
                    }
                }
                return list;
            }
        });
    }

    /** The summary of one member, if they have a purchase in {@code currency} on or before {@code end}. */
    public Optional<PurchaseSummary> summary(
            UUID memberId, String currency, ZoneId zone, LocalDate end, int fractionDigits) {
        return Jdbc.work(em, c -> {
            try (PreparedStatement ps = c.prepareStatement(DAYS.formatted("and member_id = ?"))) {
                bind(ps, currency, zone, end);
                ps.setObject(4, memberId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(summary(rs, end, fractionDigits)) : Optional.empty();
                }
            }
        });
    }

    private static void bind(PreparedStatement ps, String currency, ZoneId zone, LocalDate end) throws SQLException {
        ps.setString(1, zone.getId());
        ps.setString(2, currency);
        // the first instant after the end day in the zone: purchases on the end day are counted
        ps.setObject(
                3, OffsetDateTime.ofInstant(end.plusDays(1).atStartOfDay(zone).toInstant(), ZoneOffset.UTC));
    }

    private static PurchaseSummary summary(ResultSet rs, LocalDate end, int fractionDigits) throws SQLException {
        return PurchaseSummary.fromDays(
                rs.getObject("first_day", LocalDate.class),
                rs.getObject("last_day", LocalDate.class),
                rs.getInt("repeat_days"),
                rs.getLong("repeat_spend"),
                end,
                fractionDigits);
    }
}
