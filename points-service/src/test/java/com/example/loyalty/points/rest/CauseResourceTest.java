package com.example.loyalty.points.rest;

import static com.example.loyalty.points.rest.RewardsApi.causeOf;
import static com.example.loyalty.points.rest.RewardsApi.createCause;
import static com.example.loyalty.points.rest.RewardsApi.donate;
import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_BAD_REQUEST;
import static org.apache.http.HttpStatus.SC_CONFLICT;
import static org.apache.http.HttpStatus.SC_CREATED;
import static org.apache.http.HttpStatus.SC_FORBIDDEN;
import static org.apache.http.HttpStatus.SC_NOT_FOUND;
import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_UNPROCESSABLE_ENTITY;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.testing.Concurrently;
import com.example.loyalty.testing.contract.SendsInvalidRequests;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Causes and donations (social contribution), on the real database. */
@QuarkusTest
class CauseResourceTest {

    private static Map<String, Object> cause() {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Forest " + UUID.randomUUID());
        return body;
    }

    @Test
    void aMarketerCreatesACauseAndAnyoneSeesItsTotals() {
        Map<String, Object> body = cause();
        body.put("description", "Trees for the river bank");
        body.put("matchingRatio", new BigDecimal("0.5"));
        JsonPath created = createCause(PointsApi.MARKETER, body)
                .statusCode(SC_CREATED)
                .body("id", notNullValue())
                .body("rewardId", notNullValue())
                .body("matchingRatio", equalTo(0.5f))
                .body("active", equalTo(true))
                .body("open", equalTo(true))
                .body("donatedPoints", equalTo(0))
                .extract()
                .jsonPath();
        String id = created.getString("id");
        for (String token : List.of(PointsApi.enrolNewMember().token(), PointsApi.STAFF, PointsApi.ADMIN)) {
            assertEquals(0, causeOf(token, id).getLong("donatedPoints"));
        }
        // its donation reward is in the catalogue
        RewardsApi.get(PointsApi.MARKETER, created.getString("rewardId"))
                .statusCode(SC_OK)
                .body("kind", equalTo("DONATION"))
                .body("causeId", equalTo(id))
                .body("openAmount", equalTo(true))
                .body("stock", nullValue());
        given().auth()
                .oauth2(PointsApi.enrolNewMember().token())
                .when()
                .get("/api/points/causes")
                .then()
                .statusCode(SC_OK)
                .body("id", hasItem(id));
        JsonPath audit = RewardsApi.audit(id);
        assertEquals(List.of("CAUSE_CREATED"), audit.getList("items.action"));
        assertEquals(body.get("name"), audit.getString("items[0].after.name"));
        assertEquals(created.getString("rewardId"), audit.getString("items[0].after.rewardId"));
        causeOf(PointsApi.STAFF, id);
        given().auth()
                .oauth2(PointsApi.STAFF)
                .when()
                .get("/api/points/causes/{id}", UUID.randomUUID())
                .then()
                .statusCode(SC_NOT_FOUND);
    }

    @SendsInvalidRequests("a cause without a name and one with a negative matchingRatio")
    @Test
    void onlyMarketersAndAdminsManageCausesAndBadOnesAre400Or422() {
        var member = PointsApi.enrolNewMember();
        createCause(member.token(), cause()).statusCode(SC_FORBIDDEN);
        createCause(PointsApi.STAFF, cause()).statusCode(SC_FORBIDDEN);
        createCause(PointsApi.ADMIN, cause()).statusCode(SC_CREATED);
        createCause(PointsApi.MARKETER, Map.of()).statusCode(SC_BAD_REQUEST);
        Map<String, Object> negative = cause();
        negative.put("matchingRatio", -1);
        createCause(PointsApi.MARKETER, negative).statusCode(SC_BAD_REQUEST);
        Map<String, Object> fine = cause();
        fine.put("matchingRatio", new BigDecimal("0.12345"));
        createCause(PointsApi.MARKETER, fine).statusCode(SC_UNPROCESSABLE_ENTITY);
        Map<String, Object> backwards = cause();
        backwards.put("validFrom", Instant.now().plus(Duration.ofDays(2)).toString());
        backwards.put("validTo", Instant.now().plus(Duration.ofDays(1)).toString());
        createCause(PointsApi.MARKETER, backwards).statusCode(SC_UNPROCESSABLE_ENTITY);
        Map<String, Object> inactive = cause();
        inactive.put("active", false);
        createCause(PointsApi.MARKETER, inactive).statusCode(SC_UNPROCESSABLE_ENTITY);
        // members donate; staff and marketers do not
        String id = RewardsApi.cause(null);
        donate(PointsApi.STAFF, id, 10, null).statusCode(SC_FORBIDDEN);
        donate(PointsApi.MARKETER, id, 10, null).statusCode(SC_FORBIDDEN);
    }

    @Test
    void donationsDebitPointsAndAddUpWithTheBrandsMatching() {
        String id = RewardsApi.cause("0.5");
        var alice = PointsApi.funded(1_000);
        var bob = PointsApi.funded(500);
        donate(alice.token(), id, 301, null)
                .statusCode(SC_CREATED)
                .body("points", equalTo(301))
                .body("matchedPoints", equalTo(150))
                .body("balance", equalTo(699))
                .body("donatedPoints", equalTo(301))
                .body("causeId", equalTo(id));
        donate(alice.token(), id, 99, null).statusCode(SC_CREATED).body("matchedPoints", equalTo(49));
        donate(bob.token(), id, 200, null).statusCode(SC_CREATED);
        JsonPath totals = causeOf(bob.token(), id);
        assertEquals(600, totals.getLong("donatedPoints"));
        assertEquals(150 + 49 + 100, totals.getLong("matchedPoints"));
        assertEquals(2, totals.getLong("donors"));
        assertEquals(3, totals.getLong("donations"));
        assertEquals(600, PointsApi.balance(alice));
        assertEquals(600, PointsApi.ledgerSum(alice));
        assertEquals(300, PointsApi.balance(bob));
        assertEquals("REDEEM", PointsApi.ledger(bob).getString("items[0].kind"));
        given().auth()
                .oauth2(alice.token())
                .when()
                .get("/api/points/members/me/rewards")
                .then()
                .statusCode(SC_OK)
                .body("items[0].status", equalTo("DONATED"))
                .body("items[0].couponCode", nullValue())
                .body("items[0].causeId", equalTo(id));
        // a donation is final: it cannot be cancelled as a redemption
        String redemption = donate(bob.token(), id, 1, null).extract().path("redemptionId");
        PointsApi.cancelRedemption(PointsApi.STAFF, redemption).statusCode(SC_CONFLICT);
    }

    @SendsInvalidRequests("donations of 0 and -5 points")
    @Test
    void tooFewPointsOrAClosedCauseAre409AndBadAmounts400() {
        String id = RewardsApi.cause(null);
        var member = PointsApi.funded(100);
        donate(member.token(), id, 101, null).statusCode(SC_CONFLICT).body("type", endsWith("/insufficient-points"));
        donate(member.token(), id, 0, null).statusCode(SC_BAD_REQUEST);
        donate(member.token(), id, -5, null).statusCode(SC_BAD_REQUEST);
        donate(member.token(), UUID.randomUUID().toString(), 5, null).statusCode(SC_NOT_FOUND);

        Map<String, Object> off =
                new HashMap<>(Map.of("name", causeOf(PointsApi.MARKETER, id).getString("name")));
        off.put("active", false);
        given().auth()
                .oauth2(PointsApi.MARKETER)
                .contentType("application/json")
                .body(off)
                .when()
                .put("/api/points/causes/{id}", id)
                .then()
                .statusCode(SC_OK)
                .body("active", equalTo(false))
                .body("open", equalTo(false));
        donate(member.token(), id, 10, null).statusCode(SC_CONFLICT).body("type", endsWith("/cause-closed"));
        assertEquals(100, PointsApi.balance(member));
        assertEquals(0, causeOf(member.token(), id).getLong("donatedPoints"));
        assertEquals(
                List.of("CAUSE_CHANGED", "CAUSE_CREATED"), RewardsApi.audit(id).getList("items.action"));
        // inactive causes are listed for marketers who ask, not for members
        given().auth()
                .oauth2(member.token())
                .when()
                .get("/api/points/causes")
                .then()
                .body("id", not(hasItem(id)));
        given().auth()
                .oauth2(PointsApi.MARKETER)
                .queryParam("all", true)
                .when()
                .get("/api/points/causes")
                .then()
                .body("id", hasItem(id));
    }

    @Test
    void anIdempotencyKeyMakesARetriedDonationAReplay() {
        String id = RewardsApi.cause("1");
        var member = PointsApi.funded(500);
        String key = "d-" + UUID.randomUUID();
        String first = donate(member.token(), id, 120, key)
                .statusCode(SC_CREATED)
                .extract()
                .path("redemptionId");
        donate(member.token(), id, 120, key)
                .statusCode(SC_OK)
                .body("replayed", equalTo(true))
                .body("redemptionId", equalTo(first));
        donate(member.token(), id, 130, key).statusCode(SC_CONFLICT).body("type", endsWith("/idempotency-key-reused"));
        donate(member.token(), RewardsApi.cause(null), 120, key).statusCode(SC_CONFLICT);
        assertEquals(380, PointsApi.balance(member));
        JsonPath totals = causeOf(member.token(), id);
        assertEquals(120, totals.getLong("donatedPoints"));
        assertEquals(120, totals.getLong("matchedPoints"));
    }

    @Test
    void concurrentDonationsAddUpExactly() throws Exception {
        String id = RewardsApi.cause("0.25");
        List<PointsApi.Enrolled> members = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            members.add(PointsApi.funded(100));
        }
        List<Callable<Integer>> calls = new ArrayList<>();
        // ten members of 100 points, each donating 30 points four times at once: three fit (90), the fourth does not
        for (var m : members) {
            IntStream.range(0, 4)
                    .forEach(i -> calls.add(
                            () -> donate(m.token(), id, 30, null).extract().statusCode()));
        }
        List<Integer> statuses = Concurrently.run(calls);
        assertEquals(30, statuses.stream().filter(s -> s == SC_CREATED).count(), statuses.toString());
        assertEquals(10, statuses.stream().filter(s -> s == SC_CONFLICT).count(), statuses.toString());
        JsonPath totals = causeOf(PointsApi.MARKETER, id);
        assertEquals(900, totals.getLong("donatedPoints"));
        assertEquals(30 * 7, totals.getLong("matchedPoints"));
        assertEquals(10, totals.getLong("donors"));
        assertEquals(30, totals.getLong("donations"));
        for (var m : members) {
            assertEquals(10, PointsApi.balance(m));
            assertEquals(10, PointsApi.ledgerSum(m));
        }
        JsonPath report = given().auth()
                .oauth2(PointsApi.ADMIN)
                .when()
                .get("/api/points/reconciliation")
                .then()
                .statusCode(SC_OK)
                .extract()
                .jsonPath();
        assertTrue(report.getBoolean("ok"), report.prettify());
    }

    @Test
    void aFixedPriceDonationRewardOfTheCatalogueCountsInTheCausesTotals() {
        String id = RewardsApi.cause(null);
        Map<String, Object> body = RewardsApi.reward("DONATION", 250, null, List.of());
        body.put("causeId", id);
        String reward = RewardsApi.created(body);
        var member = PointsApi.funded(600);
        RewardsApi.redeem(member.token(), reward)
                .statusCode(SC_CREATED)
                .body("couponCode", nullValue())
                .body("status", equalTo("DONATED"))
                .body("causeId", equalTo(id));
        donate(member.token(), id, 50, null).statusCode(SC_CREATED);
        assertEquals(300, causeOf(member.token(), id).getLong("donatedPoints"));
        assertEquals(300, PointsApi.balance(member));
        // a cause's own donation reward is retired with the cause, not alone
        String own = causeOf(PointsApi.MARKETER, id).getString("rewardId");
        RewardsApi.retire(PointsApi.MARKETER, own).statusCode(SC_UNPROCESSABLE_ENTITY);
    }
}
