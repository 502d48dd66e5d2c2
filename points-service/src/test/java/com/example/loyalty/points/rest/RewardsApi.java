package com.example.loyalty.points.rest;

import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_CREATED;
import static org.apache.http.HttpStatus.SC_OK;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Calls of the rewards, coupons and causes API used across their tests. */
final class RewardsApi {

    private RewardsApi() {}

    /** A reward body: every tier, unlimited unless {@code stock}. */
    static Map<String, Object> reward(String kind, long price, Long stock, List<String> tiers) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Reward " + UUID.randomUUID());
        body.put("kind", kind);
        body.put("pointsPrice", price);
        body.put("stock", stock);
        body.put("eligibleTiers", tiers);
        return body;
    }

    static ValidatableResponse create(String token, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/points/rewards")
                .then();
    }

    /** Creates a reward as the marketer: its id. */
    static String created(Map<String, Object> body) {
        return create(PointsApi.MARKETER, body).statusCode(SC_CREATED).extract().path("id");
    }

    static ValidatableResponse change(String token, String id, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .put("/api/points/rewards/{id}", id)
                .then();
    }

    static ValidatableResponse retire(String token, String id) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .when()
                .post("/api/points/rewards/{id}/retire", id)
                .then();
    }

    static ValidatableResponse get(String token, String id) {
        return given().auth()
                .oauth2(token)
                .when()
                .get("/api/points/rewards/{id}", id)
                .then();
    }

    static ValidatableResponse redeem(String token, String rewardId) {
        return redeem(token, rewardId, null);
    }

    static ValidatableResponse redeem(String token, String rewardId, String idempotencyKey) {
        RequestSpecification request = given().auth().oauth2(token);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.when()
                .post("/api/points/rewards/{id}/redemptions", rewardId)
                .then();
    }

    static ValidatableResponse coupon(String token, String code) {
        return given().auth()
                .oauth2(token)
                .when()
                .get("/api/points/coupons/{code}", code)
                .then();
    }

    static ValidatableResponse fulfil(String token, String code) {
        return given().auth()
                .oauth2(token)
                .when()
                .post("/api/points/coupons/{code}/fulfil", code)
                .then();
    }

    static ValidatableResponse voidCoupon(String token, String code) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .when()
                .post("/api/points/coupons/{code}/void", code)
                .then();
    }

    static ValidatableResponse createCause(String token, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/points/causes")
                .then();
    }

    /** A new active cause with this matching ratio (null: none): its id. */
    static String cause(String matchingRatio) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Cause " + UUID.randomUUID());
        if (matchingRatio != null) {
            body.put("matchingRatio", new java.math.BigDecimal(matchingRatio));
        }
        return createCause(PointsApi.MARKETER, body)
                .statusCode(SC_CREATED)
                .extract()
                .path("id");
    }

    static ValidatableResponse donate(String token, String causeId, long points, String idempotencyKey) {
        RequestSpecification request =
                given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("points", points));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.when().post("/api/points/causes/{id}/donations", causeId).then();
    }

    static JsonPath causeOf(String token, String causeId) {
        return given().auth()
                .oauth2(token)
                .when()
                .get("/api/points/causes/{id}", causeId)
                .then()
                .statusCode(SC_OK)
                .extract()
                .jsonPath();
    }

    /** The audit entries about {@code targetId}, newest first, as an admin reads them. */
    static JsonPath audit(String targetId) {
        return given().auth()
                .oauth2(PointsApi.ADMIN)
                .queryParam("target", targetId)
                .queryParam("size", 200)
                .when()
                .get("/api/points/audit")
                .then()
                .statusCode(SC_OK)
                .extract()
                .jsonPath();
    }
}
