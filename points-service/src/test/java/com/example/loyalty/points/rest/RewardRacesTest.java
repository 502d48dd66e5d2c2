package com.example.loyalty.points.rest;

import static com.example.loyalty.points.rest.RewardsApi.created;
import static com.example.loyalty.points.rest.RewardsApi.reward;
import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_CONFLICT;
import static org.apache.http.HttpStatus.SC_CREATED;
import static org.apache.http.HttpStatus.SC_OK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.points.PointsDb;
import com.example.loyalty.testing.Concurrently;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Members racing for the last of a reward's stock, on the real database: never oversold, no point lost. */
@QuarkusTest
class RewardRacesTest {

    @Inject
    AgroalDataSource dataSource;

    /** {@code n} members with {@code points} each, enrolled and funded a batch at a time. */
    private static List<PointsApi.Enrolled> funded(int n, long points) throws Exception {
        List<PointsApi.Enrolled> members = new ArrayList<>();
        for (int start = 0; start < n; start += 25) {
            List<Callable<PointsApi.Enrolled>> calls = IntStream.range(start, Math.min(n, start + 25))
                    .<Callable<PointsApi.Enrolled>>mapToObj(i -> () -> PointsApi.funded(points))
                    .toList();
            members.addAll(Concurrently.run(calls));
        }
        return members;
    }

    private void assertReconciled() {
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
    void twoHundredMembersRaceForTheLastTenAndExactlyTenWin() throws Exception {
        List<PointsApi.Enrolled> members = funded(200, 150);
        String id = created(reward("PRIZE", 100, 10L, List.of()));

        List<Callable<Integer>> calls = members.stream()
                .<Callable<Integer>>map(
                        m -> () -> RewardsApi.redeem(m.token(), id).extract().statusCode())
                .toList();
        List<Integer> statuses = Concurrently.run(calls);

        assertEquals(10, statuses.stream().filter(s -> s == SC_CREATED).count(), statuses.toString());
        assertEquals(190, statuses.stream().filter(s -> s == SC_CONFLICT).count(), statuses.toString());
        PointsDb db = new PointsDb(dataSource);
        assertEquals(0, db.number("select stock from reward where id = ?", UUID.fromString(id)));
        assertEquals(10, db.number("select count(*) from redemption where reward_id = ?", UUID.fromString(id)));
        for (int i = 0; i < members.size(); i++) {
            var m = members.get(i);
            long expected = statuses.get(i) == SC_CREATED ? 50 : 150;
            assertEquals(expected, db.balance(m.id()), "member " + i + " answered " + statuses.get(i));
            assertEquals(expected, db.ledgerSum(m.id()), "member " + i);
            // a loser's transaction left nothing behind: only the funding purchase
            long entries = db.number("select count(*) from ledger_entry where member_id = ?", UUID.fromString(m.id()));
            assertEquals(statuses.get(i) == SC_CREATED ? 2 : 1, entries, "member " + i);
        }
        RewardsApi.get(PointsApi.MARKETER, id)
                .statusCode(SC_OK)
                .body("stock", org.hamcrest.Matchers.equalTo(0))
                .body("counts.issued", org.hamcrest.Matchers.equalTo(10));
        assertReconciled();
    }

    @Test
    void stockAddedWhileMembersRaceIsNeitherLostNorOversold() throws Exception {
        List<PointsApi.Enrolled> members = funded(40, 100);
        Map<String, Object> body = reward("PRODUCT", 100, 5L, List.of());
        String id = created(body);
        Map<String, Object> add = new HashMap<>(body);
        add.remove("stock");
        add.put("addStock", 1);

        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            var m = members.get(i);
            calls.add(() -> RewardsApi.redeem(m.token(), id).extract().statusCode());
            if (i % 8 == 0) {
                calls.add(() ->
                        RewardsApi.change(PointsApi.MARKETER, id, add).extract().statusCode());
            }
        }
        List<Integer> statuses = Concurrently.run(calls);
        long additions =
                IntStream.range(0, members.size()).filter(i -> i % 8 == 0).count();
        assertEquals(additions, statuses.stream().filter(s -> s == SC_OK).count(), statuses.toString());
        long won = statuses.stream().filter(s -> s == SC_CREATED).count();
        long stock = new PointsDb(dataSource).number("select stock from reward where id = ?", UUID.fromString(id));
        assertTrue(stock >= 0);
        assertEquals(5 + additions, won + stock, "every unit of stock is either redeemed or still there");
        assertEquals(
                won, members.stream().filter(m -> PointsApi.balance(m) == 0).count(), "exactly the winners paid");
        assertReconciled();
    }

    @Test
    void oneMemberRetryingAtOnceWithOneKeyRedeemsOnce() throws Exception {
        var member = PointsApi.funded(1_000);
        String id = created(reward("COUPON", 100, 5L, List.of()));
        String key = "k-" + UUID.randomUUID();
        List<Callable<String>> calls = IntStream.range(0, 8)
                .<Callable<String>>mapToObj(i -> () ->
                        RewardsApi.redeem(member.token(), id, key).extract().path("couponCode"))
                .toList();
        List<String> coupons = Concurrently.run(calls);
        assertEquals(1, coupons.stream().distinct().count(), coupons.toString());
        assertEquals(900, PointsApi.balance(member));
        assertEquals(4, new PointsDb(dataSource).number("select stock from reward where id = ?", UUID.fromString(id)));
    }
}
