package com.example.loyalty.points.rest;

import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_BAD_REQUEST;
import static org.apache.http.HttpStatus.SC_CONFLICT;
import static org.apache.http.HttpStatus.SC_CREATED;
import static org.apache.http.HttpStatus.SC_FORBIDDEN;
import static org.apache.http.HttpStatus.SC_NOT_FOUND;
import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_UNAUTHORIZED;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.events.EventEnvelope;
import com.example.loyalty.events.EventJson;
import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.PointsAdjusted;
import com.example.loyalty.events.Topics;
import com.example.loyalty.testing.Concurrently;
import com.example.loyalty.testing.TestTokens;
import com.example.loyalty.testing.contract.SendsInvalidRequests;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AdjustmentResourceTest {

    @Inject
    AgroalDataSource db;

    @Test
    void anAdminCreditsAndTakesOffPointsWithAReasonInTheLedgerTheAuditLogAndAnEvent() throws Exception {
        String adminSubject = "admin-" + UUID.randomUUID();
        String admin = TestTokens.token(adminSubject, "admin");
        var member = PointsApi.enrolNewMember();
        String credit = "adj-" + UUID.randomUUID();
        adjust(admin, credit, member.id(), 500, "goodwill: till was down on 2026-01-02")
                .statusCode(SC_CREATED)
                .contentType(ContentType.JSON)
                .body("memberId", equalTo(member.id()))
                .body("idempotencyKey", equalTo(credit))
                .body("points", equalTo(500))
                .body("balanceBefore", equalTo(0))
                .body("balance", equalTo(500))
                .body("reason", equalTo("goodwill: till was down on 2026-01-02"))
                .body("createdBy", equalTo(adminSubject))
                .body("replayed", equalTo(false));
        String debitKey = "adj-" + UUID.randomUUID();
        String debitId = adjust(admin, debitKey, member.id(), -120, "points credited twice by mistake")
                .statusCode(SC_CREATED)
                .body("points", equalTo(-120))
                .body("balanceBefore", equalTo(500))
                .body("balance", equalTo(380))
                .extract()
                .path("adjustmentId");
        assertEquals(380, PointsApi.balance(member));
        assertEquals(380, PointsApi.ledgerSum(member));
        given().auth()
                .oauth2(member.token())
                .when()
                .get("/api/points/members/me/ledger")
                .then()
                .statusCode(SC_OK)
                .body("items", hasSize(2))
                .body("items[0].kind", equalTo("ADJUST"))
                .body("items[0].points", equalTo(-120))
                .body("items[0].referenceType", equalTo("ADJUSTMENT"))
                .body("items[0].referenceId", equalTo(debitId))
                .body("items[0].reason", equalTo("points credited twice by mistake"))
                .body("items[1].kind", equalTo("ADJUST"))
                .body("items[1].points", equalTo(500));
        // the audit log: newest first, the balance before and after, the reason
        given().auth()
                .oauth2(AuditResourceTest.ADMIN)
                .queryParam("actor", adminSubject)
                .when()
                .get("/api/points/audit")
                .then()
                .statusCode(SC_OK)
                .body("items", hasSize(2))
                .body("items[0].action", equalTo("POINTS_ADJUSTED"))
                .body("items[0].targetType", equalTo("MEMBER"))
                .body("items[0].targetId", equalTo(member.id()))
                .body("items[0].before.balance", equalTo(500))
                .body("items[0].after.balance", equalTo(380))
                .body("items[0].after.points", equalTo(-120))
                .body("items[0].after.adjustmentId", equalTo(debitId))
                .body("items[0].reason", equalTo("points credited twice by mistake"))
                .body("items[1].before.balance", equalTo(0))
                .body("items[1].after.balance", equalTo(500));
        // the event, in the outbox in the same transaction
        List<PointsAdjusted> events = outboxEvents(member.id());
        assertEquals(2, events.size(), events.toString());
        assertTrue(events.contains(new PointsAdjusted(credit, 500, "goodwill: till was down on 2026-01-02", 500)));
        assertTrue(events.contains(new PointsAdjusted(debitKey, -120, "points credited twice by mistake", 380)));
    }

    @Test
    void theSameKeyIsAReplayAndWithOtherContentA409() throws Exception {
        var member = PointsApi.enrolNewMember();
        String key = "adj-" + UUID.randomUUID();
        String id = adjust(AuditResourceTest.ADMIN, key, member.id(), 70, "late survey points")
                .statusCode(SC_CREATED)
                .extract()
                .path("adjustmentId");
        adjust(AuditResourceTest.ADMIN, key, member.id(), 70, "late survey points")
                .statusCode(SC_OK)
                .body("adjustmentId", equalTo(id))
                .body("balance", equalTo(70))
                .body("replayed", equalTo(true));
        adjust(AuditResourceTest.ADMIN, key, member.id(), 71, "late survey points")
                .statusCode(SC_CONFLICT)
                .contentType("application/problem+json")
                .body("type", containsString("idempotency-key-reused"));
        adjust(AuditResourceTest.ADMIN, key, member.id(), 70, "another reason")
                .statusCode(SC_CONFLICT)
                .contentType("application/problem+json")
                .body("type", containsString("idempotency-key-reused"));
        assertEquals(70, PointsApi.balance(member));
        assertEquals(1, PointsApi.ledgerCount(member));
        assertEquals(1, auditEntries(member.id()));
        assertEquals(1, outboxEvents(member.id()).size());
        // a key belongs to one member: another member may use it
        var other = PointsApi.enrolNewMember();
        adjust(AuditResourceTest.ADMIN, key, other.id(), 70, "late survey points")
                .statusCode(SC_CREATED)
                .body("replayed", equalTo(false));
    }

    @Test
    void parallelReplaysOfOneAdjustmentCreditOnce() throws Exception {
        var member = PointsApi.enrolNewMember();
        String key = "adj-" + UUID.randomUUID();
        List<Callable<ValidatableResponse>> calls = IntStream.range(0, 6)
                .<Callable<ValidatableResponse>>mapToObj(
                        i -> () -> adjust(AuditResourceTest.ADMIN, key, member.id(), 40, "raced"))
                .toList();
        List<ValidatableResponse> answers = Concurrently.run(calls);
        List<Integer> statuses = new ArrayList<>();
        var ids = new HashSet<String>();
        for (ValidatableResponse answer : answers) {
            statuses.add(answer.extract().statusCode());
            ids.add(answer.extract().path("adjustmentId"));
        }
        assertEquals(1, statuses.stream().filter(s -> s == SC_CREATED).count(), statuses.toString());
        assertEquals(5, statuses.stream().filter(s -> s == SC_OK).count(), statuses.toString());
        assertEquals(1, ids.size(), ids.toString());
        assertEquals(40, PointsApi.balance(member));
        assertEquals(1, PointsApi.ledgerCount(member));
        assertEquals(1, auditEntries(member.id()));
    }

    @Test
    void aNegativeAdjustmentNeverTakesABalanceBelowZero() throws Exception {
        var member = PointsApi.enrolNewMember();
        adjust(AuditResourceTest.ADMIN, "adj-" + UUID.randomUUID(), member.id(), 30, "start")
                .statusCode(SC_CREATED);
        adjust(AuditResourceTest.ADMIN, "adj-" + UUID.randomUUID(), member.id(), -31, "too much")
                .statusCode(SC_CONFLICT)
                .contentType("application/problem+json")
                .body("type", containsString("insufficient-points"))
                .body("detail", containsString("30"));
        assertEquals(30, PointsApi.balance(member));
        assertEquals(1, PointsApi.ledgerCount(member));
        assertEquals(1, auditEntries(member.id()));
        assertEquals(1, outboxEvents(member.id()).size());
        adjust(AuditResourceTest.ADMIN, "adj-" + UUID.randomUUID(), member.id(), -30, "all of it")
                .statusCode(SC_CREATED)
                .body("balance", equalTo(0));
        adjust(AuditResourceTest.ADMIN, "adj-" + UUID.randomUUID(), member.id(), -1, "from nothing")
                .statusCode(SC_CONFLICT);
        assertEquals(0, PointsApi.balance(member));
        assertEquals(0, PointsApi.ledgerSum(member));
    }

    @Test
    void parallelNegativeAdjustmentsNeverOverdraw() throws Exception {
        var member = PointsApi.enrolNewMember();
        adjust(AuditResourceTest.ADMIN, "adj-" + UUID.randomUUID(), member.id(), 100, "start")
                .statusCode(SC_CREATED);
        List<Callable<Integer>> calls = IntStream.range(0, 10)
                .<Callable<Integer>>mapToObj(i ->
                        () -> adjust(AuditResourceTest.ADMIN, "adj-" + UUID.randomUUID(), member.id(), -30, "raced")
                                .extract()
                                .statusCode())
                .toList();
        List<Integer> statuses = Concurrently.run(calls);
        assertEquals(3, statuses.stream().filter(s -> s == SC_CREATED).count(), statuses.toString());
        assertEquals(7, statuses.stream().filter(s -> s == SC_CONFLICT).count(), statuses.toString());
        assertEquals(10, PointsApi.balance(member));
        assertEquals(10, PointsApi.ledgerSum(member));
        assertEquals(4, auditEntries(member.id()));
    }

    @SendsInvalidRequests(
            "points beyond ±1,000,000,000, blank or missing reasons and keys, a memberId that is not a UUID, malformed JSON, no body")
    @Test
    void badInputIsAProblemAndChangesNothing() throws Exception {
        var member = PointsApi.enrolNewMember();
        String admin = AuditResourceTest.ADMIN;
        String key = "adj-" + UUID.randomUUID();
        adjust(admin, key, member.id(), 0, "nothing")
                .statusCode(SC_BAD_REQUEST)
                .contentType("application/problem+json")
                .body("detail", containsString("0"));
        adjust(admin, key, member.id(), 1_000_000_001L, "too many").statusCode(SC_BAD_REQUEST);
        adjust(admin, key, member.id(), -1_000_000_001L, "too many").statusCode(SC_BAD_REQUEST);
        adjust(admin, key, member.id(), 10, "").statusCode(SC_BAD_REQUEST);
        adjust(admin, key, member.id(), 10, "x".repeat(501)).statusCode(SC_BAD_REQUEST);
        adjust(admin, key, member.id(), 10, null).statusCode(SC_BAD_REQUEST);
        adjust(admin, "", member.id(), 10, "no key").statusCode(SC_BAD_REQUEST);
        adjust(admin, "k".repeat(129), member.id(), 10, "long key").statusCode(SC_BAD_REQUEST);
        adjust(admin, key, null, 10, "nobody").statusCode(SC_BAD_REQUEST);
        adjust(admin, key, "not-a-uuid", 10, "nobody")
                .statusCode(SC_BAD_REQUEST)
                .contentType("application/problem+json");
        adjust(admin, key, UUID.randomUUID().toString(), 10, "nobody")
                .statusCode(SC_NOT_FOUND)
                .contentType("application/problem+json")
                .body("type", containsString("unknown-member"));
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body("{\"idempotencyKey\": \"k\", \"memberId\": ")
                .when()
                .post("/api/points/adjustments")
                .then()
                .statusCode(SC_BAD_REQUEST)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body("{\"idempotencyKey\": \"k\", \"memberId\": \"" + member.id()
                        + "\", \"points\": 1.5, \"reason\": \"half\"}")
                .when()
                .post("/api/points/adjustments")
                .then()
                .statusCode(SC_BAD_REQUEST);
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .when()
                .post("/api/points/adjustments")
                .then()
                .statusCode(SC_BAD_REQUEST);
        assertEquals(0, PointsApi.balance(member));
        assertEquals(0, PointsApi.ledgerCount(member));
        assertEquals(0, auditEntries(member.id()));
    }

    @Test
    void onlyAdminsAdjust() throws Exception {
        var member = PointsApi.enrolNewMember();
        for (String token : List.of(member.token(), PointsApi.STAFF, PointsApi.MARKETER)) {
            adjust(token, "adj-" + UUID.randomUUID(), member.id(), 1_000, "for me")
                    .statusCode(SC_FORBIDDEN)
                    .contentType("application/problem+json");
        }
        given().contentType(ContentType.JSON)
                .body(body("adj-1", member.id(), 1_000, "anonymous"))
                .when()
                .post("/api/points/adjustments")
                .then()
                .statusCode(SC_UNAUTHORIZED);
        assertEquals(0, PointsApi.balance(member));
        assertEquals(0, auditEntries(member.id()));
    }

    static ValidatableResponse adjust(String token, String key, String memberId, long points, String reason) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body(key, memberId, points, reason))
                .when()
                .post("/api/points/adjustments")
                .then();
    }

    private static Map<String, Object> body(String key, String memberId, long points, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("idempotencyKey", key);
        body.put("memberId", memberId);
        body.put("points", points);
        body.put("reason", reason);
        return body;
    }

    private List<PointsAdjusted> outboxEvents(String memberId) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "select payload from outbox_event where message_key = ? and event_type = ? and topic = ?")) {
            ps.setString(1, memberId);
            ps.setString(2, EventTypes.POINTS_ADJUSTED);
            ps.setString(3, Topics.LOYALTY_TRANSACTIONS);
            List<PointsAdjusted> events = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    EventEnvelope envelope = EventJson.read(rs.getString(1));
                    assertEquals(memberId, envelope.memberId());
                    events.add(EventJson.payload(envelope, PointsAdjusted.class));
                }
            }
            return events;
        }
    }

    private long auditEntries(String memberId) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "select count(*) from audit_entry where target_type = 'MEMBER' and target_id = ?")) {
            ps.setString(1, memberId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
