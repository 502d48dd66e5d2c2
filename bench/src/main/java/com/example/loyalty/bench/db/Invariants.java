package com.example.loyalty.bench.db;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * "Nothing lost", checked in the databases after a run: every member's balance equals their ledger sum, no purchase
 * earned twice, every purchase the bench was told was recorded is there, and every outbox has relayed every event.
 */
public final class Invariants {

    /** The result of one check: passed, with what was found. */
    public record Check(String name, boolean passed, String found) {}

    private final String pointsUrl;
    private final Map<String, String> outboxUrls;

    public Invariants(String pointsUrl, Map<String, String> outboxUrls) {
        this.pointsUrl = pointsUrl;
        this.outboxUrls = outboxUrls;
    }

    public Map<String, Check> check(String transactionPrefix, long purchasesAcknowledged, Duration outboxPatience) {
        Map<String, Check> checks = new LinkedHashMap<>();
        long mismatched = Sql.scalar(pointsUrl, """
                select count(*) from member m
                where m.balance <> (select coalesce(sum(e.points), 0) from ledger_entry e where e.member_id = m.id)""");
        checks.put(
                "balance = ledger sum",
                new Check("balance = ledger sum", mismatched == 0, mismatched + " members differ"));
        // a purchase's earn entry names its transaction id, which is unique per store only: a member may hold two
        // purchases under one transaction id (two stores), so more earn entries than earning purchases is the check
        long doubled = Sql.scalar(pointsUrl, """
                select count(*) from (select member_id, reference_id, count(*) as entries from ledger_entry
                where kind = 'EARN' and reference_type = 'PURCHASE' group by member_id, reference_id) e
                left join (select member_id, transaction_id, count(*) as purchases from purchase where points > 0
                group by member_id, transaction_id) p
                on p.member_id = e.member_id and p.transaction_id = e.reference_id
                where e.entries > coalesce(p.purchases, 0)""");
        checks.put(
                "no purchase earned twice",
                new Check("no purchase earned twice", doubled == 0, doubled + " purchases with two earn entries"));
        long recorded = Sql.scalar(
                pointsUrl,
                "select count(*) from purchase where transaction_id like '" + transactionPrefix.replace("'", "")
                        + "%'");
        checks.put(
                "every acknowledged purchase stored",
                new Check(
                        "every acknowledged purchase stored",
                        recorded == purchasesAcknowledged,
                        recorded + " stored, " + purchasesAcknowledged + " acknowledged"));
        long deadline = System.nanoTime() + outboxPatience.toNanos();
        for (Map.Entry<String, String> db : outboxUrls.entrySet()) {
            long pending;
            do {
                pending = Sql.scalar(db.getValue(), "select count(*) from outbox_event where published_at is null");
                if (pending > 0) {
                    sleep();
                }
            } while (pending > 0 && System.nanoTime() < deadline);
            long parked = Sql.scalar(db.getValue(), "select count(*) from outbox_event where parked_at is not null");
            String name = "outbox of " + db.getKey() + " relayed";
            checks.put(name, new Check(name, pending == 0 && parked == 0, pending + " pending, " + parked + " parked"));
        }
        return checks;
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
