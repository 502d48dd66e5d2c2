package com.example.loyalty.e2e;

import static com.example.loyalty.e2e.LoyaltyStack.anonymous;
import static com.example.loyalty.e2e.LoyaltyStack.as;
import static com.example.loyalty.e2e.LoyaltyStack.config;
import static org.apache.http.HttpStatus.SC_CREATED;
import static org.apache.http.HttpStatus.SC_FORBIDDEN;
import static org.apache.http.HttpStatus.SC_NOT_FOUND;
import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_UNAUTHORIZED;
import static org.apache.http.HttpStatus.SC_UNPROCESSABLE_ENTITY;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Who may do what, through the gateway with real tokens, and every service answering for itself. */
@ExtendWith(LoyaltyStack.class)
@org.junit.jupiter.api.Order(2)
class SecurityIT {

    private static String member1Id;
    private static String member1Card;

    @BeforeAll
    static void enrolBothMembers() {
        var m1 = as("member1")
                .post("/api/points/members/me")
                .then()
                .statusCode(anyOf(is(SC_OK), is(SC_CREATED)))
                .extract();
        member1Id = m1.path("id");
        member1Card = m1.path("cardCode");
        as("member2").post("/api/points/members/me").then().statusCode(anyOf(is(SC_OK), is(SC_CREATED)));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/points/members/me",
                "/api/points/tiers",
                "/api/surveys/me/open",
                "/api/metrics/members/00000000-0000-0000-0000-000000000000/activity",
                "/api/community/members/me"
            })
    void noTokenIs401ProblemJson(String path) {
        anonymous()
                .get(path)
                .then()
                .statusCode(SC_UNAUTHORIZED)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
    }

    @Test
    void aForgedTokenIs401() {
        anonymous()
                .auth()
                .oauth2("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.")
                .get("/api/points/members/me")
                .then()
                .statusCode(SC_UNAUTHORIZED);
    }

    @Test
    void member2CannotReadMember1() {
        as("member2").get("/api/points/members/{id}", member1Id).then().statusCode(SC_FORBIDDEN);
        as("member2").get("/api/points/members/{id}/ledger", member1Id).then().statusCode(SC_FORBIDDEN);
        as("member2")
                .queryParam("card", member1Card)
                .get("/api/points/members")
                .then()
                .statusCode(SC_FORBIDDEN);
        // a member can only spend their own points: someone else's card is refused and nothing moves
        long before = as("member1")
                .get("/api/points/members/me")
                .then()
                .extract()
                .<Number>path("balance")
                .longValue();
        as("member2")
                .body(Map.of(
                        "idempotencyKey",
                        "steal-" + UUID.randomUUID(),
                        "cardCode",
                        member1Card,
                        "points",
                        1,
                        "reason",
                        "x"))
                .post("/api/points/redemptions")
                .then()
                .statusCode(anyOf(is(SC_FORBIDDEN), is(SC_NOT_FOUND), is(SC_UNPROCESSABLE_ENTITY)));
        as("member1").get("/api/points/members/me").then().body("balance", equalTo((int) before));
    }

    @Test
    void aMemberCannotRecordPurchasesAndAMarketerCannotChangeBalances() {
        Map<String, Object> purchase = TillPurchases.at("sec-" + UUID.randomUUID(), member1Card, 1000);
        as("member1")
                .body(purchase)
                .post("/api/points/purchases")
                .then()
                .statusCode(SC_FORBIDDEN)
                .contentType("application/problem+json");
        as("marketer1").body(purchase).post("/api/points/purchases").then().statusCode(SC_FORBIDDEN);
        as("marketer1")
                .body(Map.of(
                        "idempotencyKey",
                        "m-" + UUID.randomUUID(),
                        "cardCode",
                        member1Card,
                        "points",
                        1,
                        "reason",
                        "x"))
                .post("/api/points/redemptions")
                .then()
                .statusCode(SC_FORBIDDEN);
    }

    /**
     * Keycloak puts staff1's store (user attribute store_id, S001) into the token, and points-service lets staff record
     * only there: the realm's mapper and the service's check, end to end. Recording at S001 is PointsStoryIT's.
     */
    @Test
    void staffRecordOnlyAtTheStoreTheirLoginNames() {
        as("staff1")
                .body(Map.of(
                        "transactionId",
                        "sec-" + UUID.randomUUID(),
                        "cardCode",
                        member1Card,
                        "amount",
                        1000,
                        "currency",
                        "JPY",
                        "storeId",
                        "S002",
                        "channel",
                        "STORE",
                        "occurredAt",
                        Instant.now().toString()))
                .post("/api/points/purchases")
                .then()
                .statusCode(SC_FORBIDDEN)
                .contentType("application/problem+json")
                .body("type", equalTo("https://loyalty.example.com/problems/wrong-store"))
                .body("detail", containsString("S001"));
    }

    @Test
    void aMemberCannotReadMarketerMetrics() {
        as("member1")
                .get("/api/metrics/members/{id}/activity", member1Id)
                .then()
                .statusCode(SC_FORBIDDEN);
    }

    @Test
    void everyServiceIsReadyAndAnswers401WithoutAToken() {
        var c = config();
        Map<Integer, String> securedPaths = Map.of(
                c.pointsPort(), "/api/points/members/me",
                c.surveysPort(), "/api/surveys/me/open",
                c.metricsPort(), "/api/metrics/members/00000000-0000-0000-0000-000000000000/activity",
                c.communityPort(), "/api/community/members/me");
        securedPaths.forEach((port, path) -> {
            String base = c.serviceUrl(port);
            String management = c.managementUrl(port);
            RestAssured.get(management + "/q/health/ready")
                    .then()
                    .statusCode(SC_OK)
                    .body("status", equalTo("UP"));
            RestAssured.get(management + "/q/metrics").then().statusCode(SC_OK);
            RestAssured.get(base + "/q/health/ready").then().statusCode(SC_NOT_FOUND);
            RestAssured.get(base + "/q/metrics").then().statusCode(SC_NOT_FOUND);
            RestAssured.get(base + "/q/openapi").then().statusCode(SC_OK);
            RestAssured.get(base + path).then().statusCode(SC_UNAUTHORIZED).contentType("application/problem+json");
        });
    }

    @Test
    void theGatewayServesTheOpenApiDocumentsWithoutATokenAndHealthOnItsManagementPortOnly() {
        for (String service : new String[] {"points", "surveys", "metrics", "community"}) {
            anonymous().get("/openapi/" + service).then().statusCode(SC_OK);
        }
        anonymous().get("/q/health/ready").then().statusCode(SC_NOT_FOUND);
        anonymous().get("/q/metrics").then().statusCode(SC_NOT_FOUND);
        String management = config().managementUrl(config().gatewayPort());
        RestAssured.get(management + "/q/health/ready").then().statusCode(SC_OK).body("status", equalTo("UP"));
        RestAssured.get(management + "/q/metrics").then().statusCode(SC_OK);
    }

    /**
     * Every workload accepts only tokens meant for it; the realm's audience mappers make the tokens of the app and of
     * the local service client meant for all five, so the same token passes the gateway and the service behind it.
     */
    @Test
    void realTokensAreMeantForTheGatewayAndEveryService() {
        List<String> workloads =
                List.of("gateway", "points-service", "survey-service", "metrics-service", "community-service");
        String appToken = Tokens.accessToken(config(), "member1");
        assertTrue(audiences(appToken).containsAll(workloads), "aud of a loyalty-app token: " + audiences(appToken));

        String serviceToken = RestAssured.given()
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", "loyalty-service")
                .formParam("client_secret", "loyalty-service-secret")
                .post(config().tokenUrl())
                .then()
                .statusCode(SC_OK)
                .extract()
                .path("access_token");
        assertTrue(
                audiences(serviceToken).containsAll(workloads),
                "aud of a loyalty-service token: " + audiences(serviceToken));
        anonymous().auth().oauth2(serviceToken).get("/api/points/tiers").then().statusCode(SC_OK);
        anonymous()
                .auth()
                .oauth2(serviceToken)
                .get("/api/metrics/members/00000000-0000-0000-0000-000000000000/activity")
                .then()
                .statusCode(anyOf(is(SC_OK), is(SC_NOT_FOUND)));
    }

    /** The {@code aud} claim of a JWT (a string or a list), read without verifying it. */
    private static List<String> audiences(String jwt) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        Object aud = io.restassured.path.json.JsonPath.from(payload).get("aud");
        return aud instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of(String.valueOf(aud));
    }
}
