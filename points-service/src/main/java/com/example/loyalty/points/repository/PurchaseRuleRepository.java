package com.example.loyalty.points.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The rule versions a purchase earned by ({@code purchase_rule}) and its line items ({@code purchase_item}). */
@ApplicationScoped
public class PurchaseRuleRepository {

    private final EntityManager em;

    public PurchaseRuleRepository(EntityManager em) {
        this.em = em;
    }

    /** A rule version a purchase earned by, with what it added. */
    public record AppliedRule(UUID ruleId, int version, String kind, String name, BigDecimal points) {}

    /** A line item as stored. */
    public record Item(String sku, String category, long amount, int quantity) {}

    /** Records what {@code purchaseId} earned by, and its items (one statement each). */
    public void record(UUID purchaseId, List<AppliedRule> rules, List<Item> items) {
        em.flush(); // the purchase row first (the caller flushed it, detecting a replay)
        SqlArrays.work(em, c -> {
            if (!rules.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("""
                        insert into purchase_rule (purchase_id, rule_id, version, kind, points)
                        select ?, r, v, k, p from unnest(?::uuid[], ?::int[], ?::varchar[], ?::numeric[]) as e(r, v, k, p)
                        """)) {
                    ps.setObject(1, purchaseId);
                    SqlArrays.bind(
                            ps,
                            2,
                            c,
                            "uuid",
                            rules.stream().map(AppliedRule::ruleId).toList());
                    SqlArrays.bind(
                            ps,
                            3,
                            c,
                            "int4",
                            rules.stream().map(AppliedRule::version).toList());
                    SqlArrays.bind(
                            ps,
                            4,
                            c,
                            "varchar",
                            rules.stream().map(AppliedRule::kind).toList());
                    SqlArrays.bind(
                            ps,
                            5,
                            c,
                            "numeric",
                            rules.stream().map(AppliedRule::points).toList());
                    ps.executeUpdate();
                }
            }
            if (!items.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("""
                        insert into purchase_item (purchase_id, line, sku, category, amount, quantity)
                        select ?, n::int, s, g, a, q
                        from unnest(?::varchar[], ?::varchar[], ?::int8[], ?::int4[]) with ordinality as e(s, g, a, q, n)
                        """)) {
                    ps.setObject(1, purchaseId);
                    SqlArrays.bind(
                            ps, 2, c, "varchar", items.stream().map(Item::sku).toList());
                    SqlArrays.bind(
                            ps,
                            3,
                            c,
                            "varchar",
                            items.stream().map(Item::category).toList());
                    SqlArrays.bind(
                            ps, 4, c, "int8", items.stream().map(Item::amount).toList());
                    SqlArrays.bind(
                            ps, 5, c, "int4", items.stream().map(Item::quantity).toList());
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    /** The rule versions {@code purchaseId} earned by, with their names, in the order they applied. */
    public List<AppliedRule> rulesOf(UUID purchaseId) {
        return SqlArrays.work(em, c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    select pr.rule_id, pr.version, pr.kind, v.name, pr.points
                    from purchase_rule pr
                    join earning_rule_version v on v.rule_id = pr.rule_id and v.version = pr.version
                    join earning_rule r on r.id = pr.rule_id
                    where pr.purchase_id = ?
                    order by case pr.kind when 'BASE_RATE' then 0 when 'CHANNEL' then 1 when 'SKU' then 2
                        when 'CATEGORY' then 2 else 3 end, r.created_at, pr.rule_id
                    """)) {
                ps.setObject(1, purchaseId);
                List<AppliedRule> rules = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rules.add(new AppliedRule(
                                rs.getObject(1, UUID.class),
                                rs.getInt(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getBigDecimal(5)));
                    }
                }
                return rules;
            }
        });
    }

    /**
     * Points {@code ruleId} added to the purchases of {@code memberId} that happened in [{@code from}, {@code to}): what
     * a campaign's daily cap has used up.
     */
    public BigDecimal pointsOf(UUID ruleId, UUID memberId, Instant from, Instant to) {
        return SqlArrays.work(em, c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    select coalesce(sum(pr.points), 0)
                    from purchase p join purchase_rule pr on pr.purchase_id = p.id and pr.rule_id = ?
                    where p.member_id = ? and p.occurred_at >= ? and p.occurred_at < ?
                    """)) {
                ps.setObject(1, ruleId);
                ps.setObject(2, memberId);
                ps.setObject(3, java.sql.Timestamp.from(from));
                ps.setObject(4, java.sql.Timestamp.from(to));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getBigDecimal(1);
                }
            }
        });
    }
}
