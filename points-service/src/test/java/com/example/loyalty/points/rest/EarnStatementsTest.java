package com.example.loyalty.points.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.loyalty.points.service.PurchaseService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.text.MessageFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * An earn is one transaction of few statements (issue 8: "keep the transaction count at one per earn"): the member
 * look-up and lock is one statement, the inserts of the purchase, its ledger entry, its lot and its event, the update
 * of the member, and nothing else for a member with no referral pending and before any paid membership exists.
 * Counted on the wire: the PostgreSQL driver's own trace of what this thread sends, so a statement added to the earn
 * path (a query per purchase that a cache or the member row could answer) fails here, not in a benchmark weeks later.
 */
@QuarkusTest
class EarnStatementsTest {

    private static final String STORE = "S001";

    @Inject
    PurchaseService purchases;

    @Inject
    EntityManager em;

    @Test
    void anEarnIsOneTransactionOfSixStatements() {
        PointsApi.Enrolled member = PointsApi.enrolNewMember();
        // the first earn warms the caches (ladder, rules) and settles nothing
        earn(member.cardCode());

        List<String> statements = statementsOf(() -> earn(member.cardCode()));

        List<String> expected = new ArrayList<>(List.of(
                "select m1_0.id,m1_0.balance", // the member, found by card and locked, in one statement
                "insert into ledger_entry",
                "insert into point_lot",
                "insert into purchase",
                "update member",
                "insert into outbox_event",
                "commit"));
        if (anyMembershipPeriod()) {
            // another test paid a membership: from then on an earn asks whether one covers the purchase
            expected.add(1, "select p.code, p.name, mp.multiplier");
        }
        assertEquals(expected.size(), statements.size(), "statements of one earn: " + statements);
        for (int i = 0; i < expected.size(); i++) {
            String sent = statements.get(i);
            String want = expected.get(i);
            if (!sent.startsWith(want) && !(sent.startsWith("S_") && !want.equals("commit"))) {
                throw new AssertionError("statement " + i + " of an earn: expected " + want + "…, sent " + sent
                        + "; all: " + statements);
            }
        }
    }

    private void earn(String cardCode) {
        purchases.record(
                new PurchaseService.PurchaseCommand(
                        "stmt-" + UUID.randomUUID(), cardCode, 1_000, "JPY", STORE, "STORE", Instant.now()),
                "staff-statements-test");
    }

    private boolean anyMembershipPeriod() {
        return QuarkusTransaction.requiringNew()
                .call(() -> !em.createNativeQuery("select 1 from membership_period limit 1")
                        .getResultList()
                        .isEmpty());
    }

    /**
     * What this thread sends to PostgreSQL while {@code work} runs, one entry per statement executed: its SQL text when
     * the driver parses it, the server-side statement's name ({@code S_<n>}) once the driver has prepared it for good,
     * and "commit". The transaction's BEGIN travels with its first statement and is not one of them.
     */
    private static List<String> statementsOf(Runnable work) {
        Thread me = Thread.currentThread();
        List<String> log = new ArrayList<>();
        Logger driver = Logger.getLogger("org.postgresql");
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (Thread.currentThread() == me && r.getMessage() != null) {
                    log.add(
                            r.getParameters() == null
                                    ? r.getMessage()
                                    : MessageFormat.format(r.getMessage(), r.getParameters()));
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Level before = driver.getLevel();
        driver.setLevel(Level.FINEST);
        driver.addHandler(capture);
        try {
            work.run();
        } finally {
            driver.removeHandler(capture);
            driver.setLevel(before);
        }
        List<String> statements = new ArrayList<>();
        for (int i = 0; i < log.size(); i++) {
            String line = log.get(i).strip();
            if (line.startsWith("simple execute, handler=") || line.startsWith("batch execute")) {
                statements.add(line.contains("TransactionCommandHandler") ? "commit" : sent(log, i + 1));
            }
        }
        return statements;
    }

    /** The SQL (or prepared statement's name) of the Parse or Bind message that follows line {@code from}. */
    private static String sent(List<String> log, int from) {
        for (int i = from; i < log.size(); i++) {
            String line = log.get(i).strip();
            int query = line.indexOf("query=\"");
            if (line.startsWith("FE=> Parse(") && query >= 0) {
                return line.substring(query + "query=\"".length());
            }
            if (line.startsWith("FE=> Bind(stmt=S_")) {
                return line.substring("FE=> Bind(stmt=".length(), line.indexOf(','));
            }
        }
        return "?";
    }
}
