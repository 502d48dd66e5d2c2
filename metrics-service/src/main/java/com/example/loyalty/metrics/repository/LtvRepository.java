package com.example.loyalty.metrics.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The sums lifetime value is computed from, read from {@code member_purchase} with set-based statements: one pass
 * groups the purchases by member, a second groups the members by the day of their first purchase; only one row per
 * first-purchase day (a few thousand for years of history) leaves the database.
 */
@ApplicationScoped
public class LtvRepository {

    /** Members whose first purchase in the currency was on {@code firstPurchaseDay}; revenue in minor units. */
    public record FirstDayGroup(LocalDate firstPurchaseDay, long members, long purchases, BigDecimal revenue) {}

    /** One member's purchases in a currency; revenue in minor units. */
    public record MemberPurchases(
            LocalDate firstPurchaseDay, LocalDate lastPurchaseDay, long purchases, BigDecimal revenue) {}

    private final EntityManager em;

    public LtvRepository(EntityManager em) {
        this.em = em;
    }

    /** The members with a purchase in {@code currency} before {@code before}, grouped by first purchase day. */
    public List<FirstDayGroup> byFirstPurchaseDay(String currency, ZoneId zone, Instant before) {
        String sql = "select " + PurchaseDays.dayOf("first_at", zone) + " as first_day,"
                + " count(*), sum(n), sum(revenue) from ("
                + "  select min(occurred_at) as first_at, count(*) as n, sum(amount) as revenue"
                + "  from member_purchase where currency = ?::char(3) and occurred_at < ? group by member_id"
                + ") m group by 1 order by 1";
        return Jdbc.work(em, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                PurchaseDays.bind(ps, 1, zone);
                ps.setString(2, currency);
                ps.setObject(3, before.atOffset(ZoneOffset.UTC));
                List<FirstDayGroup> groups = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        groups.add(new FirstDayGroup(
                                rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getLong(3), rs.getBigDecimal(4)));
                    }
                }
                return groups;
            }
        });
    }

    /** The member's purchases in {@code currency} before {@code before}; empty if there is none. */
    public Optional<MemberPurchases> ofMember(UUID memberId, String currency, ZoneId zone, Instant before) {
        String sql = "select " + PurchaseDays.dayOf("min(occurred_at)", zone) + ", "
                + PurchaseDays.dayOf("max(occurred_at)", zone) + ", count(*), sum(amount)"
                + " from member_purchase where member_id = ? and currency = ?::char(3) and occurred_at < ?";
        return Jdbc.work(em, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                PurchaseDays.bind(ps, 1, zone);
                PurchaseDays.bind(ps, 2, zone);
                ps.setObject(3, memberId);
                ps.setString(4, currency);
                ps.setObject(5, before.atOffset(ZoneOffset.UTC));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    long n = rs.getLong(3);
                    if (n == 0) {
                        return Optional.<MemberPurchases>empty();
                    }
                    return Optional.of(new MemberPurchases(
                            rs.getObject(1, LocalDate.class),
                            rs.getObject(2, LocalDate.class),
                            n,
                            rs.getBigDecimal(4)));
                }
            }
        });
    }
}
