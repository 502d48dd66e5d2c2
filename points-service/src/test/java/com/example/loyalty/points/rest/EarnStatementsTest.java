package com.example.loyalty.points.rest;

import static org.apache.http.HttpStatus.SC_CREATED;

import com.example.loyalty.points.service.PurchaseService;
import com.example.loyalty.testing.WireStatements;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An earn is one transaction of few statements (issue 8: "keep the transaction count at one per earn"): the member
 * look-up and lock is one statement, the inserts of the purchase, its ledger entry, its lot and its event, the update
 * of the member, and nothing else for a member with no referral pending who never paid a membership period (the
 * member row says both, whatever other members have paid).
 * Counted on the wire ({@link WireStatements}).
 */
@QuarkusTest
class EarnStatementsTest {

    private static final String STORE = "S001";

    @Inject
    PurchaseService purchases;

    @Test
    void anEarnIsOneTransactionOfSixStatements() {
        // another member pays a membership period: that must not cost the purchases of members who never paid one
        PaidMembershipResourceTest.call(
                        PointsApi.STAFF,
                        PointsApi.enrolNewMember().id(),
                        "start",
                        PaidMembershipResourceTest.payment(
                                PaidMembershipResourceTest.newPlan(), "pay-" + UUID.randomUUID(), null))
                .statusCode(SC_CREATED);
        PointsApi.Enrolled member = PointsApi.enrolNewMember();
        // the first earn warms the caches (ladder, rules) and settles nothing
        earn(member.cardCode());

        List<String> statements = WireStatements.of(() -> earn(member.cardCode()));

        List<String> expected = List.of(
                "select m1_0.id,m1_0.balance", // the member, found by card and locked, in one statement
                "insert into ledger_entry",
                "insert into point_lot",
                "insert into purchase",
                "update member",
                "insert into outbox_event",
                "commit");
        WireStatements.assertMatch(expected, statements, "one earn");
    }

    private void earn(String cardCode) {
        purchases.record(
                new PurchaseService.PurchaseCommand(
                        "stmt-" + UUID.randomUUID(), cardCode, 1_000, "JPY", STORE, "STORE", Instant.now()),
                "staff-statements-test");
    }
}
