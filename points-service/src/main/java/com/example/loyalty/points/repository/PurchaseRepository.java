package com.example.loyalty.points.repository;

import com.example.loyalty.points.domain.Purchase;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class PurchaseRepository implements PanacheRepositoryBase<Purchase, UUID> {

    /**
     * The purchase a store recorded under a transaction id. A transaction id is unique within its store only: two
     * stores may have recorded the same one, so there is deliberately no look-up by transaction id alone.
     */
    public Optional<Purchase> findByStoreAndTransactionId(String storeId, String transactionId) {
        return find("storeId = ?1 and transactionId = ?2", storeId, transactionId)
                .firstResultOptional();
    }

    /**
     * The sum (net of returns) and the oldest of a member's purchases that happened after {@code since} (history and
     * purchases returned in full left out).
     */
    public record WindowSummary(long total, Instant oldest, long purchases, long points) {
        public WindowSummary(long total, Instant oldest) {
            this(total, oldest, 0, 0);
        }
    }

    public WindowSummary windowSummary(UUID memberId, Instant since) {
        Object[] row = (Object[]) getEntityManager()
                .createQuery(
                        "select coalesce(sum(p.amount - p.returnedAmount), 0), min(p.occurredAt), count(p), "
                                + "coalesce(sum(p.points - p.pointsReversed), 0) from Purchase p "
                                + "where p.memberId = :m and p.occurredAt > :since and p.history = false "
                                + "and p.returnedAmount < p.amount",
                        Object[].class)
                .setParameter("m", memberId)
                .setParameter("since", since)
                .getSingleResult();
        return new WindowSummary(
                ((Number) row[0]).longValue(),
                (Instant) row[1],
                ((Number) row[2]).longValue(),
                ((Number) row[3]).longValue());
    }

    /** A purchase brought in by an import as history: it earned nothing. */
    public record HistoryPurchase(
            UUID id,
            String transactionId,
            UUID memberId,
            long amount,
            String currency,
            String storeId,
            String channel,
            Instant occurredAt,
            String tierCode,
            long balance) {}

    /** What identifies a purchase: the store and the transaction id the store gave it. */
    public record Key(String storeId, String transactionId) {}

    /**
     * Inserts history purchases (no points, multiplier 0, {@code history = true}) in one statement, in the caller's
     * transaction; a (store, transaction id) recorded before is skipped.
     *
     * @return the keys inserted now
     */
    public Set<Key> insertHistory(List<HistoryPurchase> rows, String recordedBy, Instant recordedAt) {
        if (rows.isEmpty()) {
            return Set.of();
        }
        int n = rows.size();
        List<UUID> ids = new ArrayList<>(n);
        List<String> transactionIds = new ArrayList<>(n);
        List<UUID> memberIds = new ArrayList<>(n);
        List<Long> amounts = new ArrayList<>(n);
        List<String> currencies = new ArrayList<>(n);
        List<String> stores = new ArrayList<>(n);
        List<String> channels = new ArrayList<>(n);
        List<String> occurredAt = new ArrayList<>(n);
        List<String> tiers = new ArrayList<>(n);
        List<Long> balances = new ArrayList<>(n);
        for (HistoryPurchase r : rows) {
            ids.add(r.id());
            transactionIds.add(r.transactionId());
            memberIds.add(r.memberId());
            amounts.add(r.amount());
            currencies.add(r.currency());
            stores.add(r.storeId());
            channels.add(r.channel());
            occurredAt.add(r.occurredAt().toString());
            tiers.add(r.tierCode());
            balances.add(r.balance());
        }
        return SqlArrays.work(getEntityManager(), c -> {
            // in key order, so two imports of overlapping files wait on each other instead of deadlocking
            try (PreparedStatement ps = c.prepareStatement("insert into purchase (id, transaction_id, member_id, "
                    + "amount, currency, store_id, channel, occurred_at, points, multiplier, tier_code, balance_after, "
                    + "tier_after, recorded_at, recorded_by, history) "
                    + "select u.id, u.transaction_id, u.member_id, u.amount, u.currency, u.store_id, u.channel, "
                    + "u.occurred_at, 0, 0, u.tier_code, u.balance, u.tier_code, ?::timestamptz, ?, true "
                    + "from unnest(?::uuid[], ?::varchar[], ?::uuid[], ?::int8[], ?::varchar[], ?::varchar[], "
                    + "?::varchar[], ?::timestamptz[], ?::varchar[], ?::int8[]) as u(id, transaction_id, member_id, "
                    + "amount, currency, store_id, channel, occurred_at, tier_code, balance) "
                    + "order by u.store_id, u.transaction_id "
                    + "on conflict (store_id, transaction_id) do nothing returning store_id, transaction_id")) {
                ps.setString(1, recordedAt.toString());
                ps.setString(2, recordedBy);
                SqlArrays.bind(ps, 3, c, "uuid", ids);
                SqlArrays.bind(ps, 4, c, "varchar", transactionIds);
                SqlArrays.bind(ps, 5, c, "uuid", memberIds);
                SqlArrays.bind(ps, 6, c, "int8", amounts);
                SqlArrays.bind(ps, 7, c, "varchar", currencies);
                SqlArrays.bind(ps, 8, c, "varchar", stores);
                SqlArrays.bind(ps, 9, c, "varchar", channels);
                SqlArrays.bind(ps, 10, c, "text", occurredAt);
                SqlArrays.bind(ps, 11, c, "varchar", tiers);
                SqlArrays.bind(ps, 12, c, "int8", balances);
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

    /** What makes a recorded purchase the same purchase: its member, amount, currency and store. */
    public record Identity(UUID memberId, long amount, String currency, String storeId) {}

    /** The recorded purchases among {@code keys}, by key. */
    public Map<Key, Identity> identities(Collection<Key> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        List<String> stores = new ArrayList<>(keys.size());
        List<String> transactionIds = new ArrayList<>(keys.size());
        for (Key k : keys) {
            stores.add(k.storeId());
            transactionIds.add(k.transactionId());
        }
        return SqlArrays.work(getEntityManager(), c -> {
            try (PreparedStatement ps = c.prepareStatement("select p.store_id, p.transaction_id, p.member_id, "
                    + "p.amount, p.currency from purchase p "
                    + "join unnest(?::varchar[], ?::varchar[]) as k(store_id, transaction_id) "
                    + "on p.store_id = k.store_id and p.transaction_id = k.transaction_id")) {
                SqlArrays.bind(ps, 1, c, "varchar", stores);
                SqlArrays.bind(ps, 2, c, "varchar", transactionIds);
                Map<Key, Identity> found = new HashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String store = rs.getString(1);
                        found.put(
                                new Key(store, rs.getString(2)),
                                new Identity(rs.getObject(3, UUID.class), rs.getLong(4), rs.getString(5), store));
                    }
                }
                return found;
            }
        });
    }
}
