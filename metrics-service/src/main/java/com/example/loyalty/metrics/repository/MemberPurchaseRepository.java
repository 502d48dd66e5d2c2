package com.example.loyalty.metrics.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The {@code member_purchase} table: each purchase once, by transaction id, in its own currency; what RFM, lifetime
 * value and churn are computed from.
 */
@ApplicationScoped
public class MemberPurchaseRepository {

    /** One purchase as the behavioural metrics see it; {@code amount} in minor units of {@code currency}. */
    public record PurchaseFact(
            String transactionId, UUID memberId, Instant occurredAt, long amount, String currency, boolean history) {

        private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

        /** @throws IllegalArgumentException if a value cannot be stored (the event carrying it is poison) */
        public PurchaseFact {
            if (transactionId == null || transactionId.isBlank() || transactionId.length() > 128) {
                throw new IllegalArgumentException("transaction id missing or longer than 128 characters");
            }
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
    }

    private final EntityManager em;

    public MemberPurchaseRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Inserts {@code facts} in the caller's transaction, one statement whatever their number; a transaction id already
     * there is left as it is (a purchase is counted once, however often its event is delivered).
     *
     * @return how many were new
     */
    public int insertAll(List<PurchaseFact> facts) {
        if (facts.isEmpty()) {
            return 0;
        }
        int n = facts.size();
        List<String> transactionIds = new ArrayList<>(n);
        List<UUID> memberIds = new ArrayList<>(n);
        List<Timestamp> occurredAt = new ArrayList<>(n);
        List<Long> amounts = new ArrayList<>(n);
        List<String> currencies = new ArrayList<>(n);
        List<Boolean> history = new ArrayList<>(n);
        for (PurchaseFact f : facts) {
            transactionIds.add(f.transactionId());
            memberIds.add(f.memberId());
            occurredAt.add(Timestamp.from(f.occurredAt()));
            amounts.add(f.amount());
            currencies.add(f.currency());
            history.add(f.history());
        }
        return Jdbc.work(em, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into member_purchase (transaction_id, member_id, occurred_at, amount, currency, history) "
                            + "select * from unnest(?::varchar[], ?::uuid[], ?::timestamptz[], ?::bigint[], ?::char(3)[], ?::boolean[]) "
                            + "on conflict (transaction_id) do nothing")) {
                Jdbc.setArrays(
                        ps,
                        c,
                        new String[] {"varchar", "uuid", "timestamptz", "int8", "bpchar", "bool"},
                        new List<?>[] {transactionIds, memberIds, occurredAt, amounts, currencies, history});
                return ps.executeUpdate();
            }
        });
    }
}
