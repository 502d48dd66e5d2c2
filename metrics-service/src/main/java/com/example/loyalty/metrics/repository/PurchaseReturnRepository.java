package com.example.loyalty.metrics.repository;

import com.example.loyalty.metrics.repository.MemberPurchaseRepository.Key;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The {@code purchase_return} table: every return once, by store and return id, whether its purchase has arrived yet
 * or not ({@code applied_at} null: not yet applied).
 */
@ApplicationScoped
public class PurchaseReturnRepository {

    /** Longest return id. */
    public static final int MAX_RETURN_LENGTH = 128;

    /** A return as PurchaseReturned reported it; amounts in minor units of {@code currency}. */
    public record Return(
            String storeId,
            String returnId,
            String transactionId,
            UUID memberId,
            long amount,
            String currency,
            Instant returnedAt,
            long pointsReversed,
            long shortfall,
            boolean fullyReturned) {

        private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

        /** @throws IllegalArgumentException if a value cannot be stored (the event carrying it is poison) */
        public Return {
            new Key(storeId, transactionId);
            if (returnId == null || returnId.isBlank() || returnId.length() > MAX_RETURN_LENGTH) {
                throw new IllegalArgumentException(
                        "return id missing or longer than " + MAX_RETURN_LENGTH + " characters");
            }
            if (memberId == null || returnedAt == null) {
                throw new IllegalArgumentException("member or return time missing");
            }
            if (amount <= 0) {
                throw new IllegalArgumentException("a return's amount must be positive, was " + amount);
            }
            if (pointsReversed < 0 || shortfall < 0) {
                throw new IllegalArgumentException("points reversed and shortfall must not be negative");
            }
            if (currency == null || !CURRENCY.matcher(currency).matches()) {
                throw new IllegalArgumentException("currency is not an ISO 4217 code: " + currency);
            }
        }

        /** The purchase it returns. */
        public Key purchase() {
            return new Key(storeId, transactionId);
        }

        /** What names the return itself. */
        public ReturnKey key() {
            return new ReturnKey(storeId, returnId);
        }
    }

    /** What names a return: the till's return id within its store. */
    public record ReturnKey(String storeId, String returnId) {}

    private static final String COLUMNS = "store_id, return_id, transaction_id, member_id, amount, currency, "
            + "returned_at, points_reversed, shortfall, fully_returned";

    private final EntityManager em;

    public PurchaseReturnRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Keeps {@code returns} in the caller's transaction, one statement whatever their number; a return already kept
     * (same store and return id) is left as it is.
     *
     * @return the returns that were new, in the order given (of two with one key, the first)
     */
    public List<Return> keepAll(List<Return> returns) {
        if (returns.isEmpty()) {
            return List.of();
        }
        Map<ReturnKey, Return> byKey = new LinkedHashMap<>();
        returns.forEach(r -> byKey.putIfAbsent(r.key(), r));
        List<Return> distinct = new ArrayList<>(byKey.values());
        List<List<Object>> columns = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            columns.add(new ArrayList<>(distinct.size()));
        }
        for (Return r : distinct) {
            Object[] row = {
                r.storeId(),
                r.returnId(),
                r.transactionId(),
                r.memberId(),
                r.amount(),
                r.currency(),
                Timestamp.from(r.returnedAt()),
                r.pointsReversed(),
                r.shortfall(),
                r.fullyReturned()
            };
            for (int i = 0; i < row.length; i++) {
                columns.get(i).add(row[i]);
            }
        }
        return Jdbc.work(em, c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into purchase_return (" + COLUMNS + ") "
                    + "select * from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::uuid[], ?::int8[], "
                    + "?::bpchar[], ?::timestamptz[], ?::int8[], ?::int8[], ?::bool[]) "
                    + "on conflict (store_id, return_id) do nothing returning store_id, return_id")) {
                Jdbc.setArrays(
                        ps,
                        c,
                        new String[] {
                            "varchar",
                            "varchar",
                            "varchar",
                            "uuid",
                            "int8",
                            "bpchar",
                            "timestamptz",
                            "int8",
                            "int8",
                            "bool"
                        },
                        columns.toArray(Collection<?>[]::new));
                java.util.Set<ReturnKey> inserted = new java.util.HashSet<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        inserted.add(new ReturnKey(rs.getString(1), rs.getString(2)));
                    }
                }
                return distinct.stream().filter(r -> inserted.contains(r.key())).toList();
            }
        });
    }

    /** Every return kept of the purchases named by {@code purchases}, oldest first. */
    public List<Return> ofPurchases(Collection<Key> purchases) {
        if (purchases.isEmpty()) {
            return List.of();
        }
        List<String> stores = new ArrayList<>(purchases.size());
        List<String> transactions = new ArrayList<>(purchases.size());
        purchases.forEach(k -> {
            stores.add(k.storeId());
            transactions.add(k.transactionId());
        });
        return Jdbc.work(em, c -> {
            try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from purchase_return r "
                    + "where (r.store_id, r.transaction_id) in (select * from unnest(?::varchar[], ?::varchar[])) "
                    + "order by r.returned_at, r.store_id, r.return_id")) {
                Jdbc.setArrays(ps, c, new String[] {"varchar", "varchar"}, new List<?>[] {stores, transactions});
                List<Return> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(row(rs));
                    }
                }
                return out;
            }
        });
    }

    /** Records that {@code key} has been applied to its purchase, taking {@code amount} of its spend. */
    public void applied(ReturnKey key, long amount, Instant at) {
        Jdbc.work(em, c -> {
            try (PreparedStatement ps = c.prepareStatement("update purchase_return set applied_at = ?, "
                    + "applied_amount = ? where store_id = ? and return_id = ?")) {
                ps.setTimestamp(1, Timestamp.from(at));
                ps.setLong(2, amount);
                ps.setString(3, key.storeId());
                ps.setString(4, key.returnId());
                return ps.executeUpdate();
            }
        });
    }

    /** Moves every return of {@code from} to {@code to} (a merge). */
    public int move(UUID from, UUID to) {
        return Jdbc.work(em, c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("update purchase_return set member_id = ? where member_id = ?")) {
                ps.setObject(1, to);
                ps.setObject(2, from);
                return ps.executeUpdate();
            }
        });
    }

    private static Return row(ResultSet rs) throws SQLException {
        return new Return(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getObject(4, UUID.class),
                rs.getLong(5),
                rs.getString(6),
                rs.getObject(7, OffsetDateTime.class).toInstant(),
                rs.getLong(8),
                rs.getLong(9),
                rs.getBoolean(10));
    }
}
