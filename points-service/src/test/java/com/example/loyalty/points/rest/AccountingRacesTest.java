package com.example.loyalty.points.rest;

import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_CONFLICT;
import static org.apache.http.HttpStatus.SC_CREATED;
import static org.apache.http.HttpStatus.SC_OK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.testing.Concurrently;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/** Races against the real database: whatever the order, no point is lost, doubled or overdrawn. */
@QuarkusTest
class AccountingRacesTest {

    private record Pair(PointsApi.Enrolled member, String transactionId) {}

    @Test
    void aReturnRacingARedemptionLosesDoublesAndOverdrawsNothing() throws Exception {
        List<Pair> pairs = new ArrayList<>();
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            var m = PointsApi.enrolNewMember();
            String tx = "race-" + UUID.randomUUID();
            PointsApi.purchase(tx, m.cardCode(), 100_000).statusCode(SC_CREATED);
            pairs.add(new Pair(m, tx));
            calls.add(() -> PointsApi.redeem(m, 800).extract().statusCode());
            calls.add(() -> PointsApi.returnOf("R-" + tx, tx, 100_000).extract().statusCode());
        }
        List<Integer> statuses = Concurrently.run(calls);

        for (int i = 0; i < pairs.size(); i++) {
            var m = pairs.get(i).member();
            int redemption = statuses.get(2 * i);
            assertEquals(SC_CREATED, statuses.get(2 * i + 1), "the return always goes through");
            assertTrue(redemption == SC_CREATED || redemption == SC_CONFLICT, "redemption: " + redemption);
            JsonPath me = PointsApi.me(m);
            // the purchase's 1000 points are gone either way; spent ones are owed
            assertEquals(0, me.getLong("balance"));
            assertEquals(redemption == SC_CREATED ? 800 : 0, me.getLong("debt"), "redemption " + redemption);
            assertEquals(0, PointsApi.ledgerSum(m));
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
}
