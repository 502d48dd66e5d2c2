package com.example.loyalty.points.rest;

import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_BAD_REQUEST;
import static org.apache.http.HttpStatus.SC_CONFLICT;
import static org.apache.http.HttpStatus.SC_CREATED;
import static org.apache.http.HttpStatus.SC_FORBIDDEN;
import static org.apache.http.HttpStatus.SC_NOT_FOUND;
import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_UNPROCESSABLE_ENTITY;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.events.EventEnvelope;
import com.example.loyalty.events.EventJson;
import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.MembersMerged;
import com.example.loyalty.events.Topics;
import com.example.loyalty.points.PointsDb;
import com.example.loyalty.testing.Concurrently;
import com.example.loyalty.testing.TestTokens;
import com.example.loyalty.testing.contract.SendsInvalidRequests;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Merging two members into one: what moves, what stays, the aliases, retries, refusals and a race with purchases. */
@QuarkusTest
class MemberMergeTest {

    static final String ADMIN = TestTokens.token("admin-" + UUID.randomUUID(), "admin");

    @Inject
    AgroalDataSource dataSource;

    @Test
    void everythingOfTheMergedMemberMovesToTheSurvivor() {
        PointsDb db = new PointsDb(dataSource);
        var survivor = PointsApi.enrolNewMember();
        var merged = PointsApi.enrolNewMember();
        PointsApi.purchase("m-s-" + UUID.randomUUID(), survivor.cardCode(), 20_000)
                .statusCode(SC_CREATED);
        String mergedTx = "m-m-" + UUID.randomUUID();
        PointsApi.purchase(mergedTx, merged.cardCode(), 15_000).statusCode(SC_CREATED);
        String mergedRedemption = redeem(merged.token(), "merged-redeem", 50)
                .statusCode(SC_CREATED)
                .extract()
                .path("redemptionId");
        // the same idempotency key on both accounts: the survivor keeps its own, the merged member's stays with it
        redeem(survivor.token(), "same-key", 10).statusCode(SC_CREATED);
        redeem(merged.token(), "same-key", 20).statusCode(SC_CREATED);
        // the merged member's purchase formed a lot; and a debt of 7 points (as a return of spent points leaves), which
        // the merge pays at once from the joined points
        UUID lot = UUID.fromString(
                db.string("select lot_id from purchase where transaction_id = ? and store_id = 'S001'", mergedTx));
        db.update("update member set debt = 7 where id = ?", UUID.fromString(merged.id()));
        UUID contribution = UUID.randomUUID();
        db.update(
                "insert into community_award (contribution_id, member_id, type, event_id, occurred_at, award_day, "
                        + "points_due, points, awarded_at) values (?, ?, 'PostCreated', ?, now(), current_date, 5, 0, now())",
                contribution,
                UUID.fromString(merged.id()),
                UUID.randomUUID());
        long survivorBalance = db.balance(survivor.id());
        long mergedBalance = db.balance(merged.id());
        assertEquals(200 - 10, survivorBalance);
        assertEquals(150 - 50 - 20, mergedBalance);

        merge(survivor.id(), Map.of("cardCode", merged.cardCode(), "reason", "one person, two cards"))
                .statusCode(SC_OK)
                .body("replayed", equalTo(false))
                .body("pointsMoved", equalTo((int) mergedBalance))
                .body("mergedMemberId", equalTo(merged.id()))
                .body("mergedCardCode", equalTo(merged.cardCode()))
                .body("survivor.id", equalTo(survivor.id()))
                .body("survivor.balance", equalTo((int) (survivorBalance + mergedBalance - 7)))
                // 20,000 + 15,000 JPY in the window: Silver (30,000)
                .body("survivor.tier", equalTo("SILVER"))
                .body("survivor.rollingSpend", equalTo(35_000));

        // balances: each ledger still sums to its balance; the merged member has nothing left
        assertEquals(survivorBalance + mergedBalance - 7, db.balance(survivor.id()));
        assertEquals(db.balance(survivor.id()), db.ledgerSum(survivor.id()));
        assertEquals(0, db.balance(merged.id()));
        assertEquals(0, db.ledgerSum(merged.id()));
        assertEquals(0, db.number("select debt from member where id = ?", UUID.fromString(survivor.id())));
        assertEquals(0, db.number("select debt from member where id = ?", UUID.fromString(merged.id())));
        assertEquals(survivor.id(), db.string("select member_id from point_lot where id = ?", lot));
        assertEquals(
                survivor.id(),
                db.string("select member_id from community_award where contribution_id = ?", contribution));
        assertEquals(survivor.id(), db.string("select member_id from purchase where transaction_id = ?", mergedTx));
        assertEquals(
                survivor.id(),
                db.string(
                        "select member_id from redemption where idempotency_key = 'merged-redeem' and member_id = ?",
                        UUID.fromString(survivor.id())));
        assertEquals(
                2,
                db.number(
                        "select count(*) from redemption where idempotency_key = 'same-key' and member_id in (?, ?)",
                        UUID.fromString(survivor.id()),
                        UUID.fromString(merged.id())));
        assertEquals("SILVER", db.string("select tier_code from member where id = ?", UUID.fromString(survivor.id())));

        // the survivor's history lists the merged member's entries, the MERGE pair included, and sums to its balance
        var ledger = given().auth()
                .oauth2(survivor.token())
                .queryParam("size", 200)
                .when()
                .get("/api/points/members/me/ledger")
                .then()
                .statusCode(SC_OK)
                .body("total", equalTo(8))
                .body("items.memberId", hasItem(merged.id()))
                .body("items.kind", hasItem("MERGE"))
                .extract()
                .jsonPath();
        assertEquals(
                survivorBalance + mergedBalance - 7,
                ledger.getList("items.points", Long.class).stream()
                        .mapToLong(Long::longValue)
                        .sum());

        // the merged member's card is an alias: look-ups, purchases and redemptions reach the survivor
        given().auth()
                .oauth2(PointsApi.STAFF)
                .queryParam("card", merged.cardCode())
                .when()
                .get("/api/points/members")
                .then()
                .statusCode(SC_OK)
                .body("id", equalTo(survivor.id()))
                .body("cardCode", equalTo(survivor.cardCode()));
        PointsApi.purchase("m-after-" + UUID.randomUUID(), merged.cardCode(), 1_000)
                .statusCode(SC_CREATED)
                .body("memberId", equalTo(survivor.id()));
        // a retried purchase of before the merge, with the merged card: still a replay, not a reused id
        PointsApi.purchase(mergedTx, merged.cardCode(), 15_000)
                .statusCode(SC_OK)
                .body("replayed", equalTo(true));
        // and so is the merged member's login: it signs in to the survivor
        given().auth()
                .oauth2(merged.token())
                .when()
                .get("/api/points/members/me")
                .then()
                .statusCode(SC_OK)
                .body("id", equalTo(survivor.id()));
        redeem(merged.token(), "after-merge", 5).statusCode(SC_CREATED).body("memberId", equalTo(survivor.id()));
        // a redemption the merged member made before: its debit stays on their ledger, so staff cannot cancel it
        PointsApi.cancelRedemption(PointsApi.STAFF, mergedRedemption)
                .statusCode(SC_CONFLICT)
                .body("type", org.hamcrest.Matchers.endsWith("member-merged"));
        // the merged member's id stands for the survivor
        given().auth()
                .oauth2(PointsApi.STAFF)
                .when()
                .get("/api/points/members/" + merged.id())
                .then()
                .statusCode(SC_OK)
                .body("id", equalTo(survivor.id()));
        assertEquals(db.balance(survivor.id()), db.ledgerSum(survivor.id()));

        // the event, keyed by the survivor, and the audit entry
        List<ConsumerRecord<String, String>> records = memberEvents(survivor.id(), EventTypes.MEMBERS_MERGED);
        assertEquals(1, records.size());
        EventEnvelope event = EventJson.read(records.get(0).value());
        MembersMerged payload = EventJson.payload(event, MembersMerged.class);
        assertEquals(merged.id(), payload.mergedMemberId());
        assertEquals(merged.cardCode(), payload.mergedCardCode());
        assertEquals(survivorBalance + mergedBalance - 7, payload.balance());
        assertEquals("SILVER", payload.tier());
        assertEquals(
                1,
                db.number(
                        "select count(*) from audit_entry where action = 'MEMBERS_MERGED' and target_id = ? "
                                + "and reason = 'one person, two cards' and (before -> 'merged' ->> 'balance')::bigint = ?",
                        survivor.id(),
                        mergedBalance));
    }

    @Test
    void aRetriedMergeChangesNothing() {
        PointsDb db = new PointsDb(dataSource);
        var survivor = PointsApi.enrolNewMember();
        var merged = PointsApi.enrolNewMember();
        PointsApi.purchase("r-" + UUID.randomUUID(), merged.cardCode(), 5_000).statusCode(SC_CREATED);
        merge(survivor.id(), Map.of("mergedMemberId", merged.id()))
                .statusCode(SC_OK)
                .body("replayed", equalTo(false))
                .body("pointsMoved", equalTo(50));
        // again, by id and by card: the same answer, nothing booked twice
        merge(survivor.id(), Map.of("mergedMemberId", merged.id()))
                .statusCode(SC_OK)
                .body("replayed", equalTo(true))
                .body("pointsMoved", equalTo(50))
                .body("survivor.balance", equalTo(50));
        merge(survivor.id(), Map.of("cardCode", merged.cardCode()))
                .statusCode(SC_OK)
                .body("replayed", equalTo(true));
        assertEquals(50, db.balance(survivor.id()));
        assertEquals(
                2,
                db.number(
                        "select count(*) from ledger_entry where kind = 'MERGE' and member_id in (?, ?)",
                        UUID.fromString(survivor.id()),
                        UUID.fromString(merged.id())));
        assertEquals(
                1,
                db.number(
                        "select count(*) from audit_entry where action = 'MEMBERS_MERGED' and target_id = ?",
                        survivor.id()));
    }

    @SendsInvalidRequests("an empty merge, both mergedMemberId and cardCode, a mergedMemberId that is not a UUID")
    @Test
    void impossibleMergesAreProblemsAndChangeNothing() {
        PointsDb db = new PointsDb(dataSource);
        var a = PointsApi.enrolNewMember();
        var b = PointsApi.enrolNewMember();
        var c = PointsApi.enrolNewMember();
        PointsApi.purchase("i-" + UUID.randomUUID(), b.cardCode(), 3_000).statusCode(SC_CREATED);

        merge(a.id(), Map.of("mergedMemberId", a.id()))
                .statusCode(SC_UNPROCESSABLE_ENTITY)
                .contentType("application/problem+json")
                .body("type", equalTo("https://loyalty.example.com/problems/merge-into-itself"));
        merge(a.id(), Map.of("cardCode", a.cardCode())).statusCode(SC_UNPROCESSABLE_ENTITY);
        merge(a.id(), Map.of()).statusCode(SC_BAD_REQUEST).contentType("application/problem+json");
        merge(a.id(), Map.of("mergedMemberId", b.id(), "cardCode", b.cardCode()))
                .statusCode(SC_BAD_REQUEST);
        merge(a.id(), Map.of("cardCode", "8800000000000000"))
                .statusCode(SC_NOT_FOUND)
                .contentType("application/problem+json");
        merge(UUID.randomUUID().toString(), Map.of("mergedMemberId", b.id())).statusCode(SC_NOT_FOUND);
        merge(a.id(), Map.of("mergedMemberId", "not-a-uuid")).statusCode(SC_BAD_REQUEST);
        given().auth()
                .oauth2(PointsApi.STAFF)
                .contentType(ContentType.JSON)
                .body(Map.of("mergedMemberId", b.id()))
                .when()
                .post("/api/points/members/" + a.id() + "/merge")
                .then()
                .statusCode(SC_FORBIDDEN);
        given().auth()
                .oauth2(a.token())
                .contentType(ContentType.JSON)
                .body(Map.of("mergedMemberId", b.id()))
                .when()
                .post("/api/points/members/" + a.id() + "/merge")
                .then()
                .statusCode(SC_FORBIDDEN);
        assertEquals(30, db.balance(b.id()));

        merge(a.id(), Map.of("mergedMemberId", b.id())).statusCode(SC_OK);
        // b is merged into a: not again into c, and nothing into b
        merge(c.id(), Map.of("mergedMemberId", b.id()))
                .statusCode(SC_CONFLICT)
                .body("type", equalTo("https://loyalty.example.com/problems/member-merged"));
        merge(b.id(), Map.of("mergedMemberId", c.id())).statusCode(SC_CONFLICT);
        // a merged into itself through its alias
        merge(a.id(), Map.of("cardCode", b.cardCode())).statusCode(SC_OK).body("replayed", equalTo(true));
        merge(b.id(), Map.of("mergedMemberId", a.id())).statusCode(SC_CONFLICT);
        assertEquals(30, db.balance(a.id()));
        assertEquals(0, db.balance(c.id()));
    }

    @Test
    void aMergeOfTheSurvivorCarriesTheMembersMergedIntoIt() {
        PointsDb db = new PointsDb(dataSource);
        var a = PointsApi.enrolNewMember();
        var b = PointsApi.enrolNewMember();
        var c = PointsApi.enrolNewMember();
        PointsApi.purchase("c-" + UUID.randomUUID(), c.cardCode(), 4_000).statusCode(SC_CREATED);
        merge(b.id(), Map.of("mergedMemberId", c.id())).statusCode(SC_OK);
        merge(a.id(), Map.of("mergedMemberId", b.id())).statusCode(SC_OK).body("survivor.balance", equalTo(40));
        // c's card and login now reach a directly
        assertEquals(a.id(), db.string("select merged_into from member where id = ?", UUID.fromString(c.id())));
        PointsApi.purchase("c2-" + UUID.randomUUID(), c.cardCode(), 1_000)
                .statusCode(SC_CREATED)
                .body("memberId", equalTo(a.id()));
        given().auth()
                .oauth2(c.token())
                .when()
                .get("/api/points/members/me")
                .then()
                .statusCode(SC_OK)
                .body("id", equalTo(a.id()))
                .body("balance", equalTo(50));
        for (var m : List.of(a, b, c)) {
            assertEquals(db.balance(m.id()), db.ledgerSum(m.id()), "ledger of " + m.id());
        }
        assertEquals(
                50,
                given()
                        .auth()
                        .oauth2(a.token())
                        .queryParam("size", 200)
                        .when()
                        .get("/api/points/members/me/ledger")
                        .then()
                        .statusCode(SC_OK)
                        .extract()
                        .jsonPath()
                        .getList("items.points", Long.class)
                        .stream()
                        .mapToLong(Long::longValue)
                        .sum());
    }

    /**
     * A merge racing purchases on both cards: every purchase earns exactly once, on whichever member holds its card at
     * that moment, and the merge moves whatever the merged member has when it runs. In the end the survivor holds
     * everything, the merged member nothing, and both ledgers sum to their balances.
     */
    @Test
    void aMergeRacingPurchasesOnBothCardsLosesAndDoublesNothing() throws Exception {
        PointsDb db = new PointsDb(dataSource);
        for (int round = 0; round < 3; round++) {
            var survivor = PointsApi.enrolNewMember();
            var merged = PointsApi.enrolNewMember();
            PointsApi.purchase("race-s0-" + UUID.randomUUID(), survivor.cardCode(), 5_000)
                    .statusCode(SC_CREATED);
            PointsApi.purchase("race-m0-" + UUID.randomUUID(), merged.cardCode(), 5_000)
                    .statusCode(SC_CREATED);
            List<Callable<Integer>> calls = new ArrayList<>();
            int purchasesPerCard = 6;
            for (int i = 0; i < purchasesPerCard; i++) {
                String s = "race-s-" + UUID.randomUUID();
                String m = "race-m-" + UUID.randomUUID();
                calls.add(() -> PointsApi.purchase(s, survivor.cardCode(), 1_000)
                        .extract()
                        .statusCode());
                calls.add(() -> PointsApi.purchase(m, merged.cardCode(), 1_000)
                        .extract()
                        .statusCode());
            }
            calls.add(
                    purchasesPerCard,
                    () -> merge(survivor.id(), Map.of("mergedMemberId", merged.id()))
                            .extract()
                            .statusCode());
            List<Integer> statuses = Concurrently.run(calls);
            assertTrue(
                    statuses.stream().allMatch(s -> s == SC_CREATED || s == SC_OK),
                    "every purchase and the merge succeed: " + statuses);

            // 2 x 50 points before, 12 x 10 points during (all below Silver); every purchase earned once
            long expected = 100 + 2L * purchasesPerCard * 10;
            assertEquals(expected, db.balance(survivor.id()));
            assertEquals(db.balance(survivor.id()), db.ledgerSum(survivor.id()));
            assertEquals(0, db.balance(merged.id()));
            assertEquals(0, db.ledgerSum(merged.id()));
            assertEquals(
                    2 + 2L * purchasesPerCard,
                    db.number(
                            "select count(*) from ledger_entry where kind = 'EARN' and member_id in (?, ?)",
                            UUID.fromString(survivor.id()),
                            UUID.fromString(merged.id())));
            assertEquals(
                    2 + 2L * purchasesPerCard,
                    db.number("select count(*) from purchase where member_id = ?", UUID.fromString(survivor.id())));
            assertEquals(
                    (5_000 * 2) + (1_000L * 2 * purchasesPerCard),
                    db.number("select window_spend from member where id = ?", UUID.fromString(survivor.id())));
        }
    }

    @Test
    void opposingMergesRacingMergeOnce() throws Exception {
        PointsDb db = new PointsDb(dataSource);
        var a = PointsApi.enrolNewMember();
        var b = PointsApi.enrolNewMember();
        PointsApi.purchase("o-a-" + UUID.randomUUID(), a.cardCode(), 2_000).statusCode(SC_CREATED);
        PointsApi.purchase("o-b-" + UUID.randomUUID(), b.cardCode(), 3_000).statusCode(SC_CREATED);
        List<Integer> statuses = Concurrently.run(List.of(
                () -> merge(a.id(), Map.of("mergedMemberId", b.id())).extract().statusCode(),
                () -> merge(b.id(), Map.of("mergedMemberId", a.id())).extract().statusCode()));
        assertEquals(List.of(SC_OK, SC_CONFLICT), statuses.stream().sorted().toList());
        assertEquals(50, db.balance(a.id()) + db.balance(b.id()));
        assertEquals(
                1,
                db.number(
                        "select count(*) from member where id in (?, ?) and merged_into is not null",
                        UUID.fromString(a.id()),
                        UUID.fromString(b.id())));
    }

    static ValidatableResponse merge(String survivorId, Map<String, String> body) {
        return given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/points/members/" + survivorId + "/merge")
                .then();
    }

    static ValidatableResponse redeem(String token, String key, long points) {
        Map<String, Object> body = new HashMap<>();
        body.put("idempotencyKey", key);
        body.put("points", points);
        body.put("reason", "reward");
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/points/redemptions")
                .then();
    }

    private static List<ConsumerRecord<String, String>> memberEvents(String key, String type) {
        return com.example.loyalty.testing.TestKafka.read(
                Topics.MEMBER_EVENTS,
                r -> key.equals(r.key())
                        && type.equals(EventJson.read(r.value()).type()),
                1,
                Duration.ofSeconds(20));
    }
}
