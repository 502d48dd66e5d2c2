package com.example.loyalty.metrics.domain.clv;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Purchase summaries computed in memory from individual purchases: the same day and week logic as the service's SQL
 * over {@code member_purchase} (days are calendar days in {@code zone}; purchases after {@code end} are left out), for
 * callers holding transactions rather than a table, and to prove that logic on the CDNOW sample.
 */
public final class PurchaseDays {

    /** One purchase: whose, when, and how much in minor units. */
    public record Purchase<K>(K customer, Instant occurredAt, long amountMinor) {}

    private PurchaseDays() {}

    /**
     * Summaries per customer, in the order customers first appear in {@code purchases}; a customer whose purchases
     * are all after {@code end} is left out.
     */
    public static <K> Map<K, PurchaseSummary> summarise(
            Iterable<Purchase<K>> purchases, ZoneId zone, LocalDate end, int fractionDigits) {
        Map<K, TreeMap<LocalDate, Long>> days = new LinkedHashMap<>();
        for (Purchase<K> p : purchases) {
            LocalDate day = p.occurredAt().atZone(zone).toLocalDate();
            if (!day.isAfter(end)) {
                days.computeIfAbsent(p.customer(), k -> new TreeMap<>()).merge(day, p.amountMinor(), Long::sum);
            }
        }
        Map<K, PurchaseSummary> summaries = new LinkedHashMap<>();
        days.forEach((customer, spendByDay) -> {
            Map.Entry<LocalDate, Long> first = spendByDay.firstEntry();
            long total = spendByDay.values().stream().mapToLong(Long::longValue).sum();
            summaries.put(
                    customer,
                    PurchaseSummary.fromDays(
                            first.getKey(),
                            spendByDay.lastKey(),
                            spendByDay.size() - 1,
                            total - first.getValue(),
                            end,
                            fractionDigits));
        });
        return summaries;
    }
}
