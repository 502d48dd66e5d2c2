package com.example.loyalty.points.rest;

import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_BAD_REQUEST;
import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_UNAUTHORIZED;
import static org.apache.http.HttpStatus.SC_UNPROCESSABLE_ENTITY;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.loyalty.points.PointsDb;
import com.example.loyalty.points.service.MembershipWebhook;
import com.example.loyalty.testing.contract.SendsInvalidRequests;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The payment provider's signed webhook: signatures, staleness, replays, and what a delivery does. */
@QuarkusTest
class MembershipWebhookTest {

    /** The %test profile's secret (application.properties). */
    static final String SECRET = "local-membership-webhook-secret";

    static final String WEBHOOK = "/api/points/memberships/webhook";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    PointsDb db() {
        return new PointsDb(dataSource);
    }

    static String signature(String secret, long t, byte[] body) {
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(MembershipWebhook.sign(secret, t, body));
    }

    ValidatableResponse deliver(Map<String, Object> event, String secret, long t) throws Exception {
        byte[] body = json.writeValueAsBytes(event);
        return given().header(MembershipWebhook.SIGNATURE_HEADER, signature(secret, t, body))
                .contentType("application/json")
                .body(body)
                .when()
                .post(WEBHOOK)
                .then();
    }

    ValidatableResponse deliver(Map<String, Object> event) throws Exception {
        return deliver(event, SECRET, Instant.now().getEpochSecond());
    }

    static Map<String, Object> event(String type, String memberKey, Object member, String plan, String paymentId) {
        Map<String, Object> e = new HashMap<>();
        e.put("id", "evt_" + UUID.randomUUID());
        e.put("type", type);
        e.put(memberKey, member);
        if (plan != null) {
            e.put("plan", plan);
        }
        if (paymentId != null) {
            e.put("paymentId", paymentId);
        }
        e.put("occurredAt", Instant.now().toString());
        return e;
    }

    @Test
    void aSignedEventAppliesOnceAndItsReplayChangesNothing() throws Exception {
        String plan = PaidMembershipResourceTest.newPlan();
        var member = PointsApi.enrolNewMember();
        Instant end = Instant.now().plus(Duration.ofDays(31)).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> started =
                event("membership.started", "cardCode", member.cardCode(), plan, "pay-" + UUID.randomUUID());
        started.put("periodEnd", end.toString());
        deliver(started)
                .statusCode(SC_OK)
                .body("replayed", equalTo(false))
                .body("membership.status", equalTo("ACTIVE"))
                .body("membership.memberId", equalTo(member.id()))
                .body("membership.currentPeriodEnd", equalTo(end.toString()));
        // the provider's retry, or a replay within the tolerance: 200, nothing changes
        deliver(started).statusCode(SC_OK).body("replayed", equalTo(true)).body("membership", nullValue());
        assertEquals(1, periods(member.id()));
        assertEquals(1, events(member.id()));
        assertEquals(
                "payment-webhook",
                db().string(
                                "select actor from audit_entry where action = 'MEMBERSHIP_CHANGED' and target_id = ?",
                                member.id()));

        Map<String, Object> renewed =
                event("membership.renewed", "memberId", member.id(), null, "pay-" + UUID.randomUUID());
        deliver(renewed).statusCode(SC_OK).body("membership.currentPeriodStart", equalTo(end.toString()));
        deliver(event("membership.cancelled", "memberId", member.id(), null, null))
                .statusCode(SC_OK)
                .body("membership.status", equalTo("CANCELLED"));
        assertEquals(2, periods(member.id()));
        assertEquals(3, events(member.id()));
    }

    @Test
    void aBadMissingOrStaleSignatureIs401AndChangesNothing() throws Exception {
        String plan = PaidMembershipResourceTest.newPlan();
        var member = PointsApi.enrolNewMember();
        Map<String, Object> started =
                event("membership.started", "memberId", member.id(), plan, "pay-" + UUID.randomUUID());
        long now = Instant.now().getEpochSecond();

        deliver(started, "another-secret", now)
                .statusCode(SC_UNAUTHORIZED)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://loyalty.example.com/problems/invalid-signature"));
        deliver(started, SECRET, now - 301)
                .statusCode(SC_UNAUTHORIZED)
                .body("type", equalTo("https://loyalty.example.com/problems/stale-signature"));
        deliver(started, SECRET, now + 600).statusCode(SC_UNAUTHORIZED);
        given().contentType("application/json")
                .body(json.writeValueAsBytes(started))
                .when()
                .post(WEBHOOK)
                .then()
                .statusCode(SC_UNAUTHORIZED);
        // signed for another body: the signature covers every byte
        byte[] body = json.writeValueAsBytes(started);
        String signed = signature(SECRET, now, body);
        Map<String, Object> tampered = new HashMap<>(started);
        tampered.put("plan", "OTHER");
        given().header(MembershipWebhook.SIGNATURE_HEADER, signed)
                .contentType("application/json")
                .body(json.writeValueAsBytes(tampered))
                .when()
                .post(WEBHOOK)
                .then()
                .statusCode(SC_UNAUTHORIZED);
        given().header(MembershipWebhook.SIGNATURE_HEADER, "t=abc,v1=00")
                .contentType("application/json")
                .body(body)
                .when()
                .post(WEBHOOK)
                .then()
                .statusCode(SC_UNAUTHORIZED);
        assertEquals(0, periods(member.id()));
        assertEquals(0, events(member.id()));
        assertEquals(
                0, db().number("select count(*) from membership_webhook_event where event_id = ?", started.get("id")));

        // a second v1 (a secret being rotated) may be the one that matches
        given().header(
                        MembershipWebhook.SIGNATURE_HEADER,
                        "t=" + now + ",v1=" + "ab".repeat(32) + "," + signed.substring(signed.indexOf("v1=")))
                .contentType("application/json")
                .body(body)
                .when()
                .post(WEBHOOK)
                .then()
                .statusCode(SC_OK);
        assertEquals(1, periods(member.id()));
    }

    @SendsInvalidRequests("an event of an unknown type and a body that is not JSON")
    @Test
    void aRefusedEventIsNotRecordedSoItCanBeSentAgain() throws Exception {
        String plan = PaidMembershipResourceTest.newPlan();
        Map<String, Object> unknown =
                event("membership.started", "memberId", UUID.randomUUID().toString(), plan, "pay-" + UUID.randomUUID());
        deliver(unknown).statusCode(SC_UNPROCESSABLE_ENTITY);
        assertEquals(
                0, db().number("select count(*) from membership_webhook_event where event_id = ?", unknown.get("id")));
        Map<String, Object> bad = event("membership.paused", "cardCode", "123", plan, "pay-x");
        deliver(bad).statusCode(SC_BAD_REQUEST);
        var member = PointsApi.enrolNewMember();
        Map<String, Object> both =
                event("membership.started", "memberId", member.id(), plan, "pay-" + UUID.randomUUID());
        both.put("cardCode", member.cardCode());
        deliver(both).statusCode(SC_BAD_REQUEST);
        byte[] notJson = "{\"id\": ".getBytes(StandardCharsets.UTF_8);
        given().header(
                        MembershipWebhook.SIGNATURE_HEADER,
                        signature(SECRET, Instant.now().getEpochSecond(), notJson))
                .contentType("application/json")
                .body(notJson)
                .when()
                .post(WEBHOOK)
                .then()
                .statusCode(SC_BAD_REQUEST);
        assertEquals(0, periods(member.id()));
    }

    private long periods(String memberId) {
        return db().number("select count(*) from membership_period where member_id = ?", UUID.fromString(memberId));
    }

    private long events(String memberId) {
        return db().number(
                        "select count(*) from outbox_event where message_key = ? and event_type = 'MembershipChanged'",
                        memberId);
    }
}
