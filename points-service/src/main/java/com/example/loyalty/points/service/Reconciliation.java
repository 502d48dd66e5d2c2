package com.example.loyalty.points.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Checks, in SQL, the invariants that say every point is accounted for (docs/points-accounting.md), all in one
 * read-only snapshot of the database (REPEATABLE READ), so writes going on meanwhile never show as violations.
 */
@ApplicationScoped
public class Reconciliation {

    /** Violations listed per invariant at most; all are counted. */
    public static final int MAX_LISTED = 100;

    /**
     * One invariant: its name, what it says, and the SQL that lists its violations as rows of (member id, lot id or
     * null, entry id or null, expected, actual).
     */
    record Invariant(String name, String rule, String sql) {}

    static final List<Invariant> INVARIANTS = List.of(
            new Invariant("balance-equals-ledger", "a member's balance equals the sum of their ledger entries", """
                    select m.id, null::uuid, null::uuid, coalesce(s.total, 0), m.balance
                    from member m
                    left join (select member_id, sum(points) as total from ledger_entry group by member_id) s
                        on s.member_id = m.id
                    where m.balance <> coalesce(s.total, 0)
                    order by m.id"""),
            new Invariant(
                    "balance-equals-lots",
                    "a member's balance equals what is left of their lots (so available + pending = the lots)",
                    """
                    select m.id, null::uuid, null::uuid, coalesce(s.total, 0), m.balance
                    from member m
                    left join (select member_id, sum(remaining) as total from point_lot group by member_id) s
                        on s.member_id = m.id
                    where m.balance <> coalesce(s.total, 0)
                    order by m.id"""),
            new Invariant("lot-within-its-points", "what is left of a lot is between 0 and its points", """
                    select l.member_id, l.id, null::uuid, l.points, l.remaining
                    from point_lot l
                    where l.remaining < 0 or l.remaining > l.points
                    order by l.member_id, l.id"""),
            new Invariant(
                    "consumptions-within-lot",
                    "the points debits took from a lot (and did not give back) never exceed the lot's points",
                    """
                    select l.member_id, l.id, null::uuid, l.points, sum(c.points)
                    from point_lot l
                    join lot_consumption c on c.lot_id = l.id and c.restored_by is null
                    group by l.id
                    having sum(c.points) > l.points
                    order by l.member_id, l.id"""),
            new Invariant(
                    "lot-accounted-for",
                    "what a lot lost (points - remaining) is what debits took from it and did not give back",
                    """
                    select l.member_id, l.id, null::uuid, coalesce(s.taken, 0), l.points - l.remaining
                    from point_lot l
                    left join (select lot_id, sum(points) as taken from lot_consumption where restored_by is null
                               group by lot_id) s on s.lot_id = l.id
                    where l.points - l.remaining <> coalesce(s.taken, 0)
                    order by l.member_id, l.id"""),
            new Invariant(
                    "debit-equals-its-lots", "a debit took from lots exactly the points it took off the balance", """
                    select e.member_id, null::uuid, e.id, -e.points, sum(c.points)
                    from ledger_entry e
                    join lot_consumption c on c.entry_id = e.id
                    group by e.id
                    having sum(c.points) <> -e.points
                    order by e.member_id, e.id"""),
            new Invariant(
                    "debt-only-at-zero-balance",
                    "a member who owes points has none: debt is paid before any point can be kept",
                    """
                    select m.id, null::uuid, null::uuid, 0, m.balance
                    from member m
                    where m.debt > 0 and m.balance > 0
                    order by m.id"""),
            new Invariant("never-negative", "no balance and no debt is below zero", """
                    select m.id, null::uuid, null::uuid, 0, least(m.balance, m.debt)
                    from member m
                    where m.balance < 0 or m.debt < 0
                    order by m.id"""));

    /** A violation: the member, the lot or entry concerned (null if none), what was expected and what was found. */
    public record Violation(UUID memberId, UUID lotId, UUID entryId, long expected, long actual) {}

    /** An invariant checked: its violations counted, the first {@link #MAX_LISTED} listed. */
    public record Check(String name, String rule, long violationCount, List<Violation> violations) {

        public boolean holds() {
            return violationCount == 0;
        }
    }

    /** A reconciliation: every invariant, checked on one snapshot taken at {@code checkedAt}. */
    public record Report(Instant checkedAt, List<Check> checks) {

        public boolean ok() {
            return checks.stream().allMatch(Check::holds);
        }

        /** The violations, one line each, for logs and test failures. */
        public List<String> describe() {
            List<String> lines = new ArrayList<>();
            for (Check c : checks) {
                for (Violation v : c.violations()) {
                    lines.add(c.name() + ": member " + v.memberId()
                            + (v.lotId() != null ? " lot " + v.lotId() : "")
                            + (v.entryId() != null ? " entry " + v.entryId() : "")
                            + " expected " + v.expected() + ", found " + v.actual());
                }
                if (c.violationCount() > c.violations().size()) {
                    lines.add(c.name() + ": "
                            + (c.violationCount() - c.violations().size()) + " more");
                }
            }
            return lines;
        }
    }

    private final EntityManager em;

    public Reconciliation(EntityManager em) {
        this.em = em;
    }

    /** Runs every invariant, in a read-only transaction of its own. */
    public Report run() {
        return QuarkusTransaction.requiringNew().call(this::check);
    }

    private Report check() {
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (Statement s = c.createStatement()) {
                // the first statement of the transaction: every check below sees the same snapshot
                s.execute("set transaction isolation level repeatable read, read only");
            }
            Instant checkedAt = Instant.now();
            List<Check> checks = new ArrayList<>();
            for (Invariant invariant : INVARIANTS) {
                List<Violation> listed = new ArrayList<>();
                long count = 0;
                try (PreparedStatement ps = c.prepareStatement(invariant.sql())) {
                    ps.setFetchSize(MAX_LISTED);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            count++;
                            if (listed.size() < MAX_LISTED) {
                                listed.add(new Violation(
                                        rs.getObject(1, UUID.class),
                                        rs.getObject(2, UUID.class),
                                        rs.getObject(3, UUID.class),
                                        rs.getLong(4),
                                        rs.getLong(5)));
                            }
                        }
                    }
                }
                checks.add(new Check(invariant.name(), invariant.rule(), count, List.copyOf(listed)));
            }
            return new Report(checkedAt, List.copyOf(checks));
        });
    }
}
