package com.example.loyalty.points;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/**
 * What the accounting tests read and arrange straight in the database: a member's lots and what debits took from them,
 * and the dates of lots (to make them expire or wait, as time would).
 */
@ApplicationScoped
public class AccountingFixture {

    /** A lot, as the database has it. */
    public record Lot(
            UUID id,
            UUID entryId,
            String referenceType,
            String referenceId,
            long points,
            long remaining,
            Instant earnedAt,
            Instant availableAt,
            Instant expiresAt) {}

    /** Points a ledger entry took from a lot. */
    public record Taken(UUID entryId, String kind, UUID lotId, long points, UUID restoredBy) {}

    private final EntityManager em;

    public AccountingFixture(EntityManager em) {
        this.em = em;
    }

    /** The member's lots, in the order they were credited. */
    public List<Lot> lots(String memberId) {
        return query(
                "select l.id, l.entry_id, e.reference_type, e.reference_id, l.points, l.remaining, l.earned_at, "
                        + "l.available_at, l.expires_at from point_lot l join ledger_entry e on e.id = l.entry_id "
                        + "where l.member_id = ?::uuid order by e.seq",
                memberId,
                rs -> new Lot(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getTimestamp(7).toInstant(),
                        rs.getTimestamp(8).toInstant(),
                        rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant()));
    }

    /** What the member's ledger entries took from lots, in the order of the entries. */
    public List<Taken> taken(String memberId) {
        return query(
                "select c.entry_id, e.kind, c.lot_id, c.points, c.restored_by from lot_consumption c "
                        + "join ledger_entry e on e.id = c.entry_id where e.member_id = ?::uuid order by e.seq, c.lot_id",
                memberId,
                rs -> new Taken(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getObject(3, UUID.class),
                        rs.getLong(4),
                        rs.getObject(5, UUID.class)));
    }

    public long debt(String memberId) {
        return query("select debt from member where id = ?::uuid", memberId, rs -> rs.getLong(1))
                .get(0);
    }

    /** Moves a lot's expiry date, as if it had been earned at another time. */
    public void expireAt(UUID lotId, Instant expiresAt) {
        update("update point_lot set expires_at = ? where id = ?", expiresAt, lotId);
    }

    /** Moves the date a lot becomes available, as if the return window were longer or shorter. */
    public void availableAt(UUID lotId, Instant availableAt) {
        update("update point_lot set available_at = greatest(?, earned_at) where id = ?", availableAt, lotId);
    }

    /** Runs an SQL update of one instant and one id (to corrupt or repair data on purpose). */
    public void update(String sql, Instant at, UUID id) {
        QuarkusTransaction.requiringNew()
                .run(() -> em.unwrap(Session.class).doWork(c -> {
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        ps.setTimestamp(1, at == null ? null : Timestamp.from(at));
                        ps.setObject(2, id);
                        ps.executeUpdate();
                    }
                }));
    }

    /** Runs a query of one number with one string parameter. */
    public long number(String sql, String parameter) {
        return query(sql, parameter, rs -> rs.getLong(1)).get(0);
    }

    /** Runs an SQL statement with one string parameter. */
    public int execute(String sql, String parameter) {
        return QuarkusTransaction.requiringNew()
                .call(() -> em.unwrap(Session.class).doReturningWork(c -> {
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        ps.setString(1, parameter);
                        return ps.executeUpdate();
                    }
                }));
    }

    private interface Row<T> {
        T map(ResultSet rs) throws java.sql.SQLException;
    }

    private <T> List<T> query(String sql, String parameter, Row<T> row) {
        return QuarkusTransaction.requiringNew()
                .call(() -> em.unwrap(Session.class).doReturningWork(c -> {
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        ps.setString(1, parameter);
                        List<T> out = new ArrayList<>();
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                out.add(row.map(rs));
                            }
                        }
                        return out;
                    }
                }));
    }
}
