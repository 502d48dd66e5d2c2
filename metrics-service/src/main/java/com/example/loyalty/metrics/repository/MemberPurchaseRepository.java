package com.example.loyalty.metrics.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The {@code member_purchase} table: each purchase that counts once, by store and transaction id (a till numbers its
 * receipts on its own), in its own currency, its amount net of returns; what RFM, lifetime value and churn are
 * computed from. A purchase returned in full leaves the table.
 */
@ApplicationScoped
public class MemberPurchaseRepository {

    /** The store of the purchases from before stores were kept (their transaction id alone names them). */
    public static final String UNKNOWN_STORE = "";

    /** Longest store id (as points-service keeps it). */
    public static final int MAX_STORE_LENGTH = 64;
    /** Longest transaction id. */
    public static final int MAX_TRANSACTION_LENGTH = 128;

    /** What names a purchase: the till's transaction id within its store. */
    public record Key(String storeId, String transactionId) {

        /** @throws IllegalArgumentException if a part is missing or too long (the event carrying it is poison) */
        public Key {
            if (storeId == null || storeId.isBlank() || storeId.length() > MAX_STORE_LENGTH) {
                throw new IllegalArgumentException(
                        "store id missing or longer than " + MAX_STORE_LENGTH + " characters");
            }
            if (transactionId == null || transactionId.isBlank() || transactionId.length() > MAX_TRANSACTION_LENGTH) {
                throw new IllegalArgumentException(
                        "transaction id missing or longer than " + MAX_TRANSACTION_LENGTH + " characters");
            }
        }
    }

    /** One purchase as the behavioural metrics see it; {@code amount} in minor units of {@code currency}. */
    public record PurchaseFact(
            String storeId,
            String transactionId,
            UUID memberId,
            Instant occurredAt,
            long amount,
            String currency,
            boolean history) {

        private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

        /** @throws IllegalArgumentException if a value cannot be stored (the event carrying it is poison) */
        public PurchaseFact {
            new Key(storeId, transactionId);
            if (memberId == null || occurredAt == null) {
                throw new IllegalArgumentException("member or purchase time missing");
            }
            if (amount < 0 || (amount == 0 && !history)) {
                throw new IllegalArgumentException(
                        "purchase amount must be positive (0 only for history), was " + amount);
            }
            if (currency == null || !CURRENCY.matcher(currency).matches()) {
                throw new IllegalArgumentException("currency is not an ISO 4217 code: " + currency);
            }
        }

        public Key key() {
            return new Key(storeId, transactionId);
        }
    }

    /**
     * A purchase as kept, row-locked for a return: {@code storeId} is {@link #UNKNOWN_STORE} for a purchase from before
     * stores were kept; {@code amount} is what is left of its spend.
     */
    public record Kept(
            String storeId,
            String transactionId,
            UUID memberId,
            Instant occurredAt,
            long amount,
            long returnedAmount,
            String currency,
            boolean history,
            boolean inActivity) {}

    private final EntityManager em;

    public MemberPurchaseRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Inserts {@code facts} in the caller's transaction, one statement whatever their number; a purchase already there
     * (same store and transaction id) is left as it is, so a purchase is counted once however often it is reported.
     *
     * @return the keys of the purchases that were new (of two facts with one key, the first is kept)
     */
    public Set<Key> insertAll(List<PurchaseFact> facts) {
        if (facts.isEmpty()) {
            return Set.of();
        }
        int n = facts.size();
        List<String> stores = new ArrayList<>(n);
        List<String> transactionIds = new ArrayList<>(n);
        List<UUID> memberIds = new ArrayList<>(n);
        List<Timestamp> occurredAt = new ArrayList<>(n);
        List<Long> amounts = new ArrayList<>(n);
        List<String> currencies = new ArrayList<>(n);
        List<Boolean> history = new ArrayList<>(n);
        for (PurchaseFact f : facts) {
            stores.add(f.storeId());
            transactionIds.add(f.transactionId());
            memberIds.add(f.memberId());
            occurredAt.add(Timestamp.from(f.occurredAt()));
            amounts.add(f.amount());
            currencies.add(f.currency());
            history.add(f.history());
        }
        return Jdbc.work(em, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into member_purchase (store_id, transaction_id, member_id, occurred_at, amount, currency, "
                            + "history) select s, t, m, o, a, c, h from unnest(?::varchar[], ?::varchar[], ?::uuid[], "
                            + "?::timestamptz[], ?::bigint[], ?::char(3)[], ?::boolean[]) with ordinality "
                            + "as p(s, t, m, o, a, c, h, i) order by i "
                            + "on conflict (store_id, transaction_id) do nothing returning store_id, transaction_id")) {
                Jdbc.setArrays(
                        ps,
                        c,
                        new String[] {"varchar", "varchar", "uuid", "timestamptz", "int8", "bpchar", "bool"},
                        new List<?>[] {stores, transactionIds, memberIds, occurredAt, amounts, currencies, history});
                Set<Key> inserted = new HashSet<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        inserted.add(new Key(rs.getString(1), rs.getString(2)));
                    }
                }
                return inserted;
            }
        });
    }

    /** Marks the purchases whose spend and points the member's activity totals now hold (see {@code in_activity}). */
    public void markInActivity(Collection<Key> keys) {
        if (keys.isEmpty()) {
            return;
        }
        List<String> stores = new ArrayList<>(keys.size());
        List<String> transactions = new ArrayList<>(keys.size());
        keys.forEach(k -> {
            stores.add(k.storeId());
            transactions.add(k.transactionId());
        });
        Jdbc.work(em, c -> {
            try (PreparedStatement ps = c.prepareStatement("update member_purchase p set in_activity = true "
                    + "from unnest(?::varchar[], ?::varchar[]) as k(s, t) "
                    + "where p.store_id = k.s and p.transaction_id = k.t")) {
                Jdbc.setArrays(ps, c, new String[] {"varchar", "varchar"}, new List<?>[] {stores, transactions});
                return ps.executeUpdate();
            }
        });
    }

    /**
     * The purchases named by {@code keys}, row-locked until the transaction ends (in key order); a key whose purchase
     * is not there is answered by a purchase from before stores were kept with its transaction id, if there is one.
     * Keys without a purchase (not arrived yet, or returned in full) are absent.
     */
    public Map<Key, Kept> lockAll(Collection<Key> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        Set<Key> distinct = new LinkedHashSet<>(keys);
        List<String> stores = new ArrayList<>(distinct.size());
        List<String> transactions = new ArrayList<>(distinct.size());
        distinct.forEach(k -> {
            stores.add(k.storeId());
            transactions.add(k.transactionId());
        });
        return Jdbc.work(em, c -> {
            try (PreparedStatement ps = c.prepareStatement("select p.store_id, p.transaction_id, p.member_id, "
                    + "p.occurred_at, p.amount, p.returned_amount, p.currency, p.history, p.in_activity "
                    + "from member_purchase p join unnest(?::varchar[], ?::varchar[]) as k(s, t) "
                    + "on p.transaction_id = k.t and (p.store_id = k.s or p.store_id = '') "
                    + "order by p.store_id, p.transaction_id for update of p")) {
                Jdbc.setArrays(ps, c, new String[] {"varchar", "varchar"}, new List<?>[] {stores, transactions});
                Map<Key, Kept> exact = new HashMap<>();
                Map<String, Kept> unknownStore = new HashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Kept kept = new Kept(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getObject(3, UUID.class),
                                rs.getObject(4, OffsetDateTime.class).toInstant(),
                                rs.getLong(5),
                                rs.getLong(6),
                                rs.getString(7),
                                rs.getBoolean(8),
                                rs.getBoolean(9));
                        if (UNKNOWN_STORE.equals(kept.storeId())) {
                            unknownStore.put(kept.transactionId(), kept);
                        } else {
                            exact.put(new Key(kept.storeId(), kept.transactionId()), kept);
                        }
                    }
                }
                Map<Key, Kept> found = new HashMap<>();
                for (Key k : distinct) {
                    Kept kept = exact.getOrDefault(k, unknownStore.get(k.transactionId()));
                    if (kept != null) {
                        found.put(k, kept);
                    }
                }
                return found;
            }
        });
    }

    /**
     * What is left of a purchase after a return: its spend and returned amount; a purchase from before stores were
     * kept learns its store ({@code key}'s), so the next return finds it directly.
     */
    public void net(Kept purchase, Key key, long amount, long returnedAmount) {
        Jdbc.work(em, c -> {
            try (PreparedStatement ps = c.prepareStatement("update member_purchase set store_id = ?, amount = ?, "
                    + "returned_amount = ? where store_id = ? and transaction_id = ?")) {
                ps.setString(1, key.storeId());
                ps.setLong(2, amount);
                ps.setLong(3, returnedAmount);
                ps.setString(4, purchase.storeId());
                ps.setString(5, purchase.transactionId());
                return ps.executeUpdate();
            }
        });
    }

    /** Removes a purchase returned in full: it no longer counts. */
    public void remove(Kept purchase) {
        Jdbc.work(em, c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("delete from member_purchase where store_id = ? and transaction_id = ?")) {
                ps.setString(1, purchase.storeId());
                ps.setString(2, purchase.transactionId());
                return ps.executeUpdate();
            }
        });
    }

    /** The latest of the member's purchases that their activity totals hold, if any. */
    public Optional<Instant> lastInActivity(UUID memberId) {
        return Jdbc.work(em, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select max(occurred_at) from member_purchase where member_id = ? and in_activity")) {
                ps.setObject(1, memberId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    OffsetDateTime last = rs.getObject(1, OffsetDateTime.class);
                    return Optional.ofNullable(last).map(OffsetDateTime::toInstant);
                }
            }
        });
    }

    /**
     * Moves every purchase of {@code from} to {@code to} (a merge); when {@code to}'s activity did not take in
     * {@code from}'s figures, the moved purchases are no longer in any activity's totals.
     *
     * @return how many purchases moved
     */
    public int move(UUID from, UUID to, boolean stayInActivity) {
        return Jdbc.work(em, c -> {
            try (PreparedStatement ps = c.prepareStatement("update member_purchase set member_id = ?, "
                    + "in_activity = in_activity and ? where member_id = ?")) {
                ps.setObject(1, to);
                ps.setBoolean(2, stayInActivity);
                ps.setObject(3, from);
                return ps.executeUpdate();
            }
        });
    }
}
