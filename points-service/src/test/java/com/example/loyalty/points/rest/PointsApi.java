package com.example.loyalty.points.rest;

import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_CREATED;
import static org.apache.http.HttpStatus.SC_OK;
import static org.hamcrest.Matchers.equalTo;

import com.example.loyalty.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Calls of the points API used across the resource tests. */
public final class PointsApi {

    /** The store {@link #STAFF} works at, and where {@link #purchase} records. */
    static final String STORE = "S001";

    static final String STAFF = staffOf(STORE);
    static final String MARKETER = TestTokens.token("marketer-" + UUID.randomUUID(), "marketer");
    static final String ADMIN = TestTokens.token("admin-" + UUID.randomUUID(), "admin");

    private PointsApi() {}

    /** A token of a new staff member working at {@code store}, as the realm's store_id mapper puts it. */
    static String staffOf(String store) {
        return TestTokens.token("staff-" + UUID.randomUUID(), Map.of("store_id", store), "staff");
    }

    /** A freshly enrolled member: token and card code. */
    public record Enrolled(String token, String id, String cardCode) {}

    public static Enrolled enrolNewMember() {
        return enrol(TestTokens.newMember());
    }

    /**
     * A member token whose identity provider vouches for {@code email} and {@code phone} (OIDC's email_verified and
     * phone_number_verified); either may be null.
     */
    static String verifiedMemberToken(String email, String phone) {
        Map<String, Object> claims = new HashMap<>();
        if (email != null) {
            claims.put("email", email);
            claims.put("email_verified", true);
        }
        if (phone != null) {
            claims.put("phone_number", phone);
            claims.put("phone_number_verified", true);
        }
        return TestTokens.token(UUID.randomUUID().toString(), claims, "member");
    }

    /** A fresh e-mail address. */
    static String newEmail() {
        return "m-" + UUID.randomUUID() + "@example.com";
    }

    /** A fresh Japanese mobile number in international form, e.g. {@code +81 90-1234-5678}. */
    static String newPhone() {
        String digits = String.format(
                "%08d", java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000_000));
        return "+81 90-" + digits.substring(0, 4) + "-" + digits.substring(4);
    }

    /** Enrols the holder of {@code token} (201). */
    public static Enrolled enrol(String token) {
        var body = given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/api/points/members/me")
                .then()
                .statusCode(SC_CREATED)
                .extract()
                .jsonPath();
        return new Enrolled(token, body.getString("id"), body.getString("cardCode"));
    }

    static ValidatableResponse purchase(String transactionId, String cardCode, long amount) {
        return purchase(STAFF, transactionId, cardCode, amount);
    }

    static ValidatableResponse purchase(String token, String transactionId, String cardCode, long amount) {
        return purchase(token, STORE, transactionId, cardCode, amount, Instant.now());
    }

    static ValidatableResponse purchase(
            String token, String store, String transactionId, String cardCode, long amount, Instant occurredAt) {
        Map<String, Object> body = new HashMap<>();
        body.put("transactionId", transactionId);
        body.put("cardCode", cardCode);
        body.put("amount", amount);
        body.put("currency", "JPY");
        body.put("storeId", store);
        body.put("channel", "STORE");
        body.put("occurredAt", occurredAt.toString());
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/points/purchases")
                .then();
    }

    static long balance(Enrolled member) {
        return given().auth()
                .oauth2(member.token())
                .when()
                .get("/api/points/members/me")
                .then()
                .statusCode(SC_OK)
                .extract()
                .jsonPath()
                .getLong("balance");
    }

    static long ledgerSum(Enrolled member) {
        var entries = given().auth()
                .oauth2(member.token())
                .queryParam("size", 200)
                .when()
                .get("/api/points/members/me/ledger")
                .then()
                .statusCode(SC_OK)
                .extract()
                .jsonPath()
                .getList("items.points", Long.class);
        return entries.stream().mapToLong(Long::longValue).sum();
    }

    static int ledgerCount(Enrolled member) {
        return given().auth()
                .oauth2(member.token())
                .when()
                .get("/api/points/members/me/ledger")
                .then()
                .statusCode(SC_OK)
                .extract()
                .jsonPath()
                .getInt("total");
    }

    /** A new member with {@code points} available, from one purchase (1 point per 100 JPY at the Regular tier). */
    static Enrolled funded(long points) {
        var member = enrolNewMember();
        purchase("fund-" + UUID.randomUUID(), member.cardCode(), points * 100)
                .statusCode(SC_CREATED)
                .body("pointsEarned", equalTo((int) points));
        return member;
    }

    /** The member's own account (GET /members/me). */
    static JsonPath me(Enrolled member) {
        return given().auth()
                .oauth2(member.token())
                .when()
                .get("/api/points/members/me")
                .then()
                .statusCode(SC_OK)
                .extract()
                .jsonPath();
    }

    /** The member's ledger, newest first (up to 200 entries). */
    static JsonPath ledger(Enrolled member) {
        return given().auth()
                .oauth2(member.token())
                .queryParam("size", 200)
                .when()
                .get("/api/points/members/me/ledger")
                .then()
                .statusCode(SC_OK)
                .extract()
                .jsonPath();
    }

    /** A member redeems their own points. */
    static ValidatableResponse redeem(Enrolled member, long points) {
        return given().auth()
                .oauth2(member.token())
                .contentType(ContentType.JSON)
                .body(Map.of("idempotencyKey", "r-" + UUID.randomUUID(), "points", points, "reason", "reward R-1"))
                .when()
                .post("/api/points/redemptions")
                .then();
    }

    static ValidatableResponse cancelRedemption(String token, String redemptionId) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .when()
                .post("/api/points/redemptions/{id}/cancel", redemptionId)
                .then();
    }

    /** A return of {@code amount} of the purchase {@code transactionId} at store S001, now. */
    static ValidatableResponse returnOf(String returnId, String transactionId, long amount) {
        Map<String, Object> body = new HashMap<>();
        body.put("returnId", returnId);
        body.put("transactionId", transactionId);
        body.put("storeId", "S001");
        body.put("amount", amount);
        body.put("occurredAt", Instant.now().toString());
        return returnOf(STAFF, body);
    }

    static ValidatableResponse returnOf(String token, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/points/returns")
                .then();
    }
}
