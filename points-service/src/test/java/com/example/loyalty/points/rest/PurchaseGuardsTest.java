package com.example.loyalty.points.rest;

import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_BAD_REQUEST;
import static org.apache.http.HttpStatus.SC_CONFLICT;
import static org.apache.http.HttpStatus.SC_CREATED;
import static org.apache.http.HttpStatus.SC_FORBIDDEN;
import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_UNPROCESSABLE_ENTITY;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.testing.Concurrently;
import com.example.loyalty.testing.TestTokens;
import com.example.loyalty.testing.contract.ContractValidation;
import com.example.loyalty.testing.contract.SendsInvalidRequests;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The guards on recording a purchase (docs/points-accounting.md): the amount ceiling and its approval by an admin, the
 * bounds of occurredAt, transaction ids unique per store, staff recording at their own store only, and nobody on their
 * own card. Every refusal changes nothing.
 */
@QuarkusTest
class PurchaseGuardsTest {

    /** points.purchases.max-amount.JPY in application.properties. */
    static final long CEILING = 1_000_000;
    /** points.purchases.max-age, the default. */
    static final Duration MAX_AGE = Duration.ofDays(90);

    static final String ADMIN_SUBJECT = "admin-guards-" + UUID.randomUUID();
    static final String ADMIN = TestTokens.token(ADMIN_SUBJECT, "admin");

    @Inject
    AgroalDataSource db;

    // --- the amount ceiling ----------------------------------------------------------------------------------------

    @Test
    void staffCannotRecordAboveTheCeilingAndNothingIsWritten() {
        var member = PointsApi.enrolNewMember();
        String tx = "big-" + UUID.randomUUID();
        PointsApi.purchase(tx, member.cardCode(), CEILING + 1)
                .statusCode(SC_UNPROCESSABLE_ENTITY)
                .contentType("application/problem+json")
                .body("type", equalTo("https://loyalty.example.com/problems/amount-above-ceiling"))
                .body("detail", containsString("admin must approve"))
                .body("ceiling", equalTo((int) CEILING))
                .body("currency", equalTo("JPY"));
        assertEquals(0, PointsApi.balance(member));
        assertEquals(0, count("select count(*) from purchase where transaction_id = ?", tx));
        assertEquals(
                0,
                count(
                        "select count(*) from audit_entry where action = 'PURCHASE_APPROVED' and after->>'transactionId' = ?",
                        tx));

        // the ceiling itself is allowed
        PointsApi.purchase("t-" + UUID.randomUUID(), member.cardCode(), CEILING)
                .statusCode(SC_CREATED)
                .body("pointsEarned", equalTo(10_000));
        assertEquals(10_000, PointsApi.balance(member));
    }

    @Test
    void anAdminRecordingAboveTheCeilingIsTheApprovalAndIsAudited() {
        var member = PointsApi.enrolNewMember();
        String tx = "big-" + UUID.randomUUID();
        String purchaseId = PointsApi.purchase(ADMIN, "S042", tx, member.cardCode(), 2_500_000, Instant.now())
                .statusCode(SC_CREATED)
                .body("pointsEarned", equalTo(25_000))
                .extract()
                .path("purchaseId");
        assertEquals(25_000, PointsApi.balance(member));
        assertEquals(25_000, PointsApi.ledgerSum(member));

        List<Map<String, Object>> approvals = rows(
                "select actor, target_type, target_id, reason, after->>'transactionId' as tx, "
                        + "after->>'storeId' as store, (after->>'amount')::bigint as amount, "
                        + "(after->>'ceiling')::bigint as ceiling, (after->>'points')::bigint as points, "
                        + "after->>'memberId' as member from audit_entry where action = 'PURCHASE_APPROVED' "
                        + "and target_id = ?",
                purchaseId);
        assertEquals(1, approvals.size(), approvals.toString());
        Map<String, Object> approval = approvals.get(0);
        assertEquals(ADMIN_SUBJECT, approval.get("actor"));
        assertEquals("PURCHASE", approval.get("target_type"));
        assertEquals(tx, approval.get("tx"));
        assertEquals("S042", approval.get("store"));
        assertEquals(2_500_000L, approval.get("amount"));
        assertEquals(CEILING, approval.get("ceiling"));
        assertEquals(25_000L, approval.get("points"));
        assertEquals(member.id(), approval.get("member"));
        assertTrue(((String) approval.get("reason")).contains("ceiling"), approval.toString());

        // the till's replay of the approved purchase (staff of that store) is a replay, not a refusal, and earns
        // nothing
        PointsApi.purchase(PointsApi.staffOf("S042"), "S042", tx, member.cardCode(), 2_500_000, Instant.now())
                .statusCode(SC_OK)
                .body("replayed", equalTo(true))
                .body("purchaseId", equalTo(purchaseId));
        // the admin's own replay neither earns nor approves again
        PointsApi.purchase(ADMIN, "S042", tx, member.cardCode(), 2_500_000, Instant.now())
                .statusCode(SC_OK)
                .body("replayed", equalTo(true));
        assertEquals(25_000, PointsApi.balance(member));
        assertEquals(1, count("select count(*) from audit_entry where target_id = ?", purchaseId));

        // an admin's purchase below the ceiling needs no approval
        String small = PointsApi.purchase(
                        ADMIN, "S042", "t-" + UUID.randomUUID(), member.cardCode(), 1_000, Instant.now())
                .statusCode(SC_CREATED)
                .extract()
                .path("purchaseId");
        assertEquals(0, count("select count(*) from audit_entry where target_id = ?", small));
    }

    // --- occurredAt --------------------------------------------------------------------------------------------------

    @Test
    void aPurchaseOlderThanTheMaxAgeIsRefusedAndAYoungerOneEarns() {
        var member = PointsApi.enrolNewMember();
        String old = "old-" + UUID.randomUUID();
        PointsApi.purchase(
                        PointsApi.STAFF,
                        PointsApi.STORE,
                        old,
                        member.cardCode(),
                        1_000,
                        Instant.now().minus(MAX_AGE).minusSeconds(60))
                .statusCode(SC_UNPROCESSABLE_ENTITY)
                .contentType("application/problem+json")
                .body("type", equalTo("https://loyalty.example.com/problems/purchase-too-old"))
                .body("detail", containsString("max-age"));
        // admins too: the max age is no approval matter
        PointsApi.purchase(
                        ADMIN,
                        PointsApi.STORE,
                        old,
                        member.cardCode(),
                        1_000,
                        Instant.now().minus(MAX_AGE).minusSeconds(60))
                .statusCode(SC_UNPROCESSABLE_ENTITY)
                .body("type", equalTo("https://loyalty.example.com/problems/purchase-too-old"));
        assertEquals(0, PointsApi.balance(member));
        assertEquals(0, count("select count(*) from purchase where transaction_id = ?", old));

        PointsApi.purchase(
                        PointsApi.STAFF,
                        PointsApi.STORE,
                        "t-" + UUID.randomUUID(),
                        member.cardCode(),
                        1_000,
                        Instant.now().minus(MAX_AGE).plusSeconds(600))
                .statusCode(SC_CREATED)
                .body("pointsEarned", equalTo(10));
    }

    @Test
    void aPurchaseRecordedWhileRecentIsStillReplayedOnceItIsOlderThanTheMaxAge() throws Exception {
        var member = PointsApi.enrolNewMember();
        String tx = "edge-" + UUID.randomUUID();
        Instant occurredAt = Instant.now().minus(MAX_AGE).plusSeconds(3);
        PointsApi.purchase(PointsApi.STAFF, PointsApi.STORE, tx, member.cardCode(), 1_000, occurredAt)
                .statusCode(SC_CREATED);
        // wait until the purchase is older than the max age
        long wait = Duration.between(Instant.now(), occurredAt.plus(MAX_AGE)).toMillis() + 500;
        if (wait > 0) {
            Thread.sleep(wait);
        }
        PointsApi.purchase(PointsApi.STAFF, PointsApi.STORE, tx, member.cardCode(), 1_000, occurredAt)
                .statusCode(SC_OK)
                .body("replayed", equalTo(true));
        // a different purchase under the same id is still a conflict, not a "too old"
        PointsApi.purchase(PointsApi.STAFF, PointsApi.STORE, tx, member.cardCode(), 2_000, occurredAt)
                .statusCode(SC_CONFLICT);
        assertEquals(10, PointsApi.balance(member));
    }

    @SendsInvalidRequests("occurredAt values that are no RFC 3339 date-time: huge years, numbers, booleans, objects")
    @Test
    void absurdDatesAreProblemsNeverA500AndWriteNothing() {
        var member = PointsApi.enrolNewMember();
        List<Object> absurd = List.of(
                "-1000000-01-01T00:00:00Z",
                "+999999-01-01T00:00:00Z",
                "999999-01-01T00:00:00Z",
                "-999999999-01-01T00:00:00Z",
                "+1000000001-01-01T00:00:00Z",
                "-1000000001-01-01T00:00:00Z",
                "0000-01-01T00:00:00Z",
                "1969-12-31T23:59:59Z",
                "1970-01-01T00:00:00+99:00",
                "2026-02-30T00:00:00Z",
                "yesterday",
                "",
                1e300,
                -1e300,
                Long.MAX_VALUE,
                Long.MIN_VALUE,
                new java.math.BigInteger("99999999999999999999999999"),
                new java.math.BigDecimal("-99999999999999999999999999.5"),
                true,
                Map.of("year", -1_000_000),
                List.of(1, 2));
        for (Object occurredAt : absurd) {
            String tx = "absurd-" + UUID.randomUUID();
            Map<String, Object> body = new java.util.HashMap<>();
            body.put("transactionId", tx);
            body.put("cardCode", member.cardCode());
            body.put("amount", 1_000);
            body.put("currency", "JPY");
            body.put("storeId", PointsApi.STORE);
            body.put("channel", "STORE");
            body.put("occurredAt", occurredAt);
            var answer = given().auth()
                    .oauth2(PointsApi.STAFF)
                    .contentType(ContentType.JSON)
                    .body(body)
                    .when()
                    .post("/api/points/purchases")
                    .then()
                    .extract();
            assertTrue(
                    answer.statusCode() == SC_BAD_REQUEST || answer.statusCode() == SC_UNPROCESSABLE_ENTITY,
                    occurredAt + ": " + answer.statusCode() + " " + answer.asString());
            assertEquals("application/problem+json", answer.contentType(), occurredAt + "");
            assertEquals(0, count("select count(*) from purchase where transaction_id = ?", tx), "" + occurredAt);
        }
        // the raw forms, as a till might send them (not through a JSON library)
        for (String raw : List.of("-1e400", "1e400", "99999999999999999999999999999999999999", "-0x10", "NaN")) {
            given().auth()
                    .oauth2(PointsApi.STAFF)
                    .contentType(ContentType.JSON)
                    .body("{\"transactionId\":\"raw-" + UUID.randomUUID() + "\",\"cardCode\":\"" + member.cardCode()
                            + "\",\"amount\":1000,\"currency\":\"JPY\",\"storeId\":\"S001\",\"channel\":\"STORE\","
                            + "\"occurredAt\":" + raw + "}")
                    .when()
                    .post("/api/points/purchases")
                    .then()
                    .statusCode(anyOf(is(SC_BAD_REQUEST), is(SC_UNPROCESSABLE_ENTITY)))
                    .contentType("application/problem+json");
        }
        assertEquals(0, PointsApi.balance(member));
        assertEquals(0, PointsApi.ledgerCount(member));
    }

    // --- transaction ids per store -----------------------------------------------------------------------------------

    @Test
    void twoStoresWithTheSameReceiptNumberBothEarnAndAReplayAtOneStoreDoesNot() {
        var member = PointsApi.enrolNewMember();
        String receipt = "R-" + UUID.randomUUID();
        String first = PointsApi.purchase(
                        PointsApi.staffOf("S101"), "S101", receipt, member.cardCode(), 5_000, Instant.now())
                .statusCode(SC_CREATED)
                .body("pointsEarned", equalTo(50))
                .extract()
                .path("purchaseId");
        String second = PointsApi.purchase(
                        PointsApi.staffOf("S102"), "S102", receipt, member.cardCode(), 7_000, Instant.now())
                .statusCode(SC_CREATED)
                .body("pointsEarned", equalTo(70))
                .body("replayed", equalTo(false))
                .extract()
                .path("purchaseId");
        assertTrue(!first.equals(second));
        assertEquals(120, PointsApi.balance(member));

        // the same receipt again at the first store: a replay of the first purchase, nothing earned
        PointsApi.purchase(PointsApi.staffOf("S101"), "S101", receipt, member.cardCode(), 5_000, Instant.now())
                .statusCode(SC_OK)
                .body("replayed", equalTo(true))
                .body("purchaseId", equalTo(first))
                .body("pointsEarned", equalTo(50));
        // and a different purchase under it at the second store: a conflict
        PointsApi.purchase(PointsApi.staffOf("S102"), "S102", receipt, member.cardCode(), 5_000, Instant.now())
                .statusCode(SC_CONFLICT)
                .body("detail", containsString("S102"));
        assertEquals(120, PointsApi.balance(member));
        assertEquals(120, PointsApi.ledgerSum(member));
        assertEquals(2, PointsApi.ledgerCount(member));
        assertEquals(2, count("select count(*) from purchase where transaction_id = ?", receipt));
    }

    @Test
    void parallelRequestsAtTwoStoresWithOneReceiptNumberEarnOncePerStore() throws Exception {
        var member = PointsApi.enrolNewMember();
        String receipt = "race-" + UUID.randomUUID();
        String s1 = PointsApi.staffOf("S201");
        String s2 = PointsApi.staffOf("S202");
        List<Callable<Integer>> calls = IntStream.range(0, 12)
                .<Callable<Integer>>mapToObj(i -> () -> (i % 2 == 0
                                ? PointsApi.purchase(s1, "S201", receipt, member.cardCode(), 10_000, Instant.now())
                                : PointsApi.purchase(s2, "S202", receipt, member.cardCode(), 10_000, Instant.now()))
                        .extract()
                        .statusCode())
                .toList();
        List<Integer> statuses = Concurrently.run(calls);
        assertEquals(2, statuses.stream().filter(s -> s == SC_CREATED).count(), "one per store earns: " + statuses);
        assertEquals(10, statuses.stream().filter(s -> s == SC_OK).count(), "the rest are replays: " + statuses);
        assertEquals(200, PointsApi.balance(member));
        assertEquals(200, PointsApi.ledgerSum(member));
    }

    // --- staff and stores --------------------------------------------------------------------------------------------

    @Test
    void staffRecordOnlyAtTheirOwnStoreAndAdminsAtAny() throws Exception {
        var member = PointsApi.enrolNewMember();
        String tx = "store-" + UUID.randomUUID();
        PointsApi.purchase(PointsApi.staffOf("S001"), "S002", tx, member.cardCode(), 1_000, Instant.now())
                .statusCode(SC_FORBIDDEN)
                .contentType("application/problem+json")
                .body("type", equalTo("https://loyalty.example.com/problems/wrong-store"))
                .body("detail", containsString("S002"));
        // a staff login without a store records nowhere
        String storeless = TestTokens.token("staff-" + UUID.randomUUID(), "staff");
        PointsApi.purchase(storeless, "S001", tx, member.cardCode(), 1_000, Instant.now())
                .statusCode(SC_FORBIDDEN)
                .contentType("application/problem+json")
                .body("type", equalTo("https://loyalty.example.com/problems/store-not-assigned"));
        String blank = TestTokens.token("staff-" + UUID.randomUUID(), Map.of("store_id", " "), "staff");
        // a blank storeId, which the document forbids
        ContractValidation.withoutRequestChecks(
                () -> PointsApi.purchase(blank, " ", tx, member.cardCode(), 1_000, Instant.now())
                        .statusCode(anyOf(is(SC_BAD_REQUEST), is(SC_FORBIDDEN))));
        PointsApi.purchase(blank, "S001", tx, member.cardCode(), 1_000, Instant.now())
                .statusCode(SC_FORBIDDEN)
                .body("type", equalTo("https://loyalty.example.com/problems/store-not-assigned"));
        String numeric = TestTokens.token("staff-" + UUID.randomUUID(), Map.of("store_id", 1), "staff");
        PointsApi.purchase(numeric, "1", tx, member.cardCode(), 1_000, Instant.now())
                .statusCode(SC_FORBIDDEN);
        assertEquals(0, PointsApi.balance(member));
        assertEquals(0, count("select count(*) from purchase where transaction_id = ?", tx));

        // staff of several stores (the claim as an array) record at each of them
        String twoStores =
                TestTokens.token("staff-" + UUID.randomUUID(), Map.of("store_id", List.of("S301", "S302")), "staff");
        PointsApi.purchase(twoStores, "S302", tx, member.cardCode(), 1_000, Instant.now())
                .statusCode(SC_CREATED);
        PointsApi.purchase(twoStores, "S303", "t-" + UUID.randomUUID(), member.cardCode(), 1_000, Instant.now())
                .statusCode(SC_FORBIDDEN)
                .body("type", equalTo("https://loyalty.example.com/problems/wrong-store"));
        // an admin names any store, with or without a store claim of their own
        PointsApi.purchase(ADMIN, "S999", "t-" + UUID.randomUUID(), member.cardCode(), 1_000, Instant.now())
                .statusCode(SC_CREATED);
        String adminAtAStore = TestTokens.token("admin-" + UUID.randomUUID(), Map.of("store_id", "S001"), "admin");
        PointsApi.purchase(adminAtAStore, "S998", "t-" + UUID.randomUUID(), member.cardCode(), 1_000, Instant.now())
                .statusCode(SC_CREATED);
        assertEquals(30, PointsApi.balance(member));
    }

    @Test
    void nobodyCreditsTheirOwnCard() {
        // a staff member who is a member too (the same Keycloak user, both roles)
        String subject = "staff-member-" + UUID.randomUUID();
        String asMember = TestTokens.token(subject, "member");
        String card = given().auth()
                .oauth2(asMember)
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/api/points/members/me")
                .then()
                .statusCode(SC_CREATED)
                .extract()
                .path("cardCode");
        String asStaff = TestTokens.token(subject, Map.of("store_id", "S001"), "staff", "member");
        String tx = "own-" + UUID.randomUUID();
        PointsApi.purchase(asStaff, "S001", tx, card, 1_000, Instant.now())
                .statusCode(SC_FORBIDDEN)
                .contentType("application/problem+json")
                .body("type", equalTo("https://loyalty.example.com/problems/own-card"));
        // nor an admin theirs: recording is a colleague's job
        String asAdmin = TestTokens.token(subject, "admin", "member");
        PointsApi.purchase(asAdmin, "S001", tx, card, 1_000, Instant.now())
                .statusCode(SC_FORBIDDEN)
                .body("type", equalTo("https://loyalty.example.com/problems/own-card"));
        assertEquals(0, count("select count(*) from purchase where transaction_id = ?", tx));
        given().auth()
                .oauth2(asMember)
                .when()
                .get("/api/points/members/me")
                .then()
                .statusCode(SC_OK)
                .body("balance", equalTo(0));

        // a colleague at the store records it
        PointsApi.purchase(PointsApi.STAFF, "S001", tx, card, 1_000, Instant.now())
                .statusCode(SC_CREATED);
        given().auth()
                .oauth2(asMember)
                .when()
                .get("/api/points/members/me")
                .then()
                .statusCode(SC_OK)
                .body("balance", equalTo(10));
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private long count(String sql, Object... params) {
        return ((Number) rows(sql, params).get(0).values().iterator().next()).longValue();
    }

    private List<Map<String, Object>> rows(String sql, Object... params) {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<Map<String, Object>> out = new java.util.ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new java.util.LinkedHashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                    }
                    out.add(row);
                }
                return out;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
