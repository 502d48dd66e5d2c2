package com.example.loyalty.metrics.rest;

import static com.example.loyalty.metrics.TestEvents.ACTIVITY;
import static com.example.loyalty.metrics.TestEvents.ADMIN;
import static com.example.loyalty.metrics.TestEvents.MARKETER;
import static com.example.loyalty.metrics.TestEvents.activity;
import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_BAD_REQUEST;
import static org.apache.http.HttpStatus.SC_FORBIDDEN;
import static org.apache.http.HttpStatus.SC_NOT_FOUND;
import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_UNAUTHORIZED;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.example.loyalty.metrics.TestEvents;
import com.example.loyalty.metrics.service.ActivityService;
import com.example.loyalty.testing.TestTokens;
import com.example.loyalty.testing.contract.ContractValidation;
import com.example.loyalty.testing.contract.SendsInvalidRequests;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MemberActivityResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    ActivityService activities;

    @Test
    void marketersAndAdminsReadAMembersActivity() {
        String member = TestEvents.newMemberId();
        activities.apply(TestEvents.purchase(member, 12_345, Instant.parse("2026-04-01T01:02:03Z")));
        activities.apply(TestEvents.purchase(member, 655, Instant.parse("2026-03-01T00:00:00Z")));

        for (String token : new String[] {MARKETER, ADMIN}) {
            activity(token, member)
                    .statusCode(SC_OK)
                    .contentType("application/json")
                    .body("memberId", equalTo(member))
                    .body("purchaseCount", equalTo(2))
                    .body("totalSpend", equalTo(13_000))
                    .body("currency", equalTo("JPY"))
                    .body("lastPurchaseAt", equalTo("2026-04-01T01:02:03Z"))
                    .body("pointsEarned", equalTo(129))
                    .body("updatedAt", notNullValue());
        }
    }

    @Test
    void aMemberKnownOnlyFromATierChangeHasNoPurchasesYet() {
        String member = TestEvents.newMemberId();
        activities.apply(TestEvents.tierChanged(member, "REGULAR", "SILVER", Instant.now()));
        activity(MARKETER, member)
                .statusCode(SC_OK)
                .body("purchaseCount", equalTo(0))
                .body("totalSpend", equalTo(0))
                .body("currency", nullValue())
                .body("lastPurchaseAt", nullValue())
                .body("tier", equalTo("SILVER"));
    }

    @Test
    void aMemberNeverSeenIsNotFound() {
        String member = TestEvents.newMemberId();
        activity(MARKETER, member)
                .statusCode(SC_NOT_FOUND)
                .contentType(PROBLEM)
                .body("status", equalTo(SC_NOT_FOUND))
                .body("type", equalTo("https://loyalty.example.com/problems/unknown-member"))
                .body("detail", containsString(member));
    }

    @Test
    @SendsInvalidRequests("memberIds that are not UUIDs")
    void aMalformedMemberIdIsABadRequest() {
        // "1-1-1-1-1" is accepted by UUID.fromString, but it is not a member id
        for (String id : new String[] {"not-a-uuid", "1-1-1-1-1", "123"}) {
            activity(MARKETER, id)
                    .statusCode(SC_BAD_REQUEST)
                    .contentType(PROBLEM)
                    .body("status", equalTo(SC_BAD_REQUEST))
                    .body("violations[0].message", equalTo("must be a UUID"));
        }
    }

    @Test
    void membersAndStaffAreForbidden() throws Exception {
        String member = TestEvents.newMemberId();
        activities.apply(TestEvents.purchase(member, 1_000, Instant.now()));
        activity(TestTokens.token(member, "member"), member).statusCode(SC_FORBIDDEN);
        activity(TestTokens.newMember(), member).statusCode(SC_FORBIDDEN);
        activity(TestTokens.token("staff-1", "staff"), member).statusCode(SC_FORBIDDEN);
        // a memberId the document forbids, from a caller who may not read activity at all: 403 before any 400
        ContractValidation.withoutRequestChecks(() -> activity(TestTokens.token("staff-1", "staff"), "not-a-uuid"))
                .statusCode(SC_FORBIDDEN);
        activity(TestTokens.token("nobody"), member).statusCode(SC_FORBIDDEN);
    }

    @Test
    void noOrABadTokenIsUnauthorized() {
        given().when()
                .get(ACTIVITY, TestEvents.newMemberId())
                .then()
                .statusCode(SC_UNAUTHORIZED)
                .contentType(PROBLEM)
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(SC_UNAUTHORIZED));
        given().auth()
                .oauth2("not-a-token")
                .when()
                .get(ACTIVITY, TestEvents.newMemberId())
                .then()
                .statusCode(SC_UNAUTHORIZED)
                .contentType(PROBLEM);
    }
}
