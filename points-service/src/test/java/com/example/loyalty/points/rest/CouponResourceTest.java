package com.example.loyalty.points.rest;

import static com.example.loyalty.points.rest.RewardsApi.created;
import static com.example.loyalty.points.rest.RewardsApi.fulfil;
import static com.example.loyalty.points.rest.RewardsApi.redeem;
import static com.example.loyalty.points.rest.RewardsApi.reward;
import static com.example.loyalty.points.rest.RewardsApi.voidCoupon;
import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_BAD_REQUEST;
import static org.apache.http.HttpStatus.SC_CONFLICT;
import static org.apache.http.HttpStatus.SC_CREATED;
import static org.apache.http.HttpStatus.SC_FORBIDDEN;
import static org.apache.http.HttpStatus.SC_NOT_FOUND;
import static org.apache.http.HttpStatus.SC_OK;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.points.AccountingFixture;
import com.example.loyalty.points.PointsDb;
import com.example.loyalty.points.service.CouponCodes;
import com.example.loyalty.testing.Concurrently;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/** Coupons at the till: look-up, fulfil, void, on the real database. */
@QuarkusTest
class CouponResourceTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AccountingFixture fixture;

    private long stock(String rewardId) {
        return new PointsDb(dataSource).number("select stock from reward where id = ?", UUID.fromString(rewardId));
    }

    @Test
    void staffLookACouponUpAsTypedAndMembersCannot() {
        var member = PointsApi.funded(500);
        String id = created(reward("COUPON", 200, 3L, List.of()));
        String code =
                redeem(member.token(), id).statusCode(SC_CREATED).extract().path("couponCode");
        String typed = CouponCodes.display(code).toLowerCase();
        RewardsApi.coupon(PointsApi.STAFF, typed)
                .statusCode(SC_OK)
                .body("couponCode", equalTo(code))
                .body("rewardId", equalTo(id))
                .body("kind", equalTo("COUPON"))
                .body("memberId", equalTo(member.id()))
                .body("cardCode", equalTo(member.cardCode()))
                .body("points", equalTo(200))
                .body("status", equalTo("ISSUED"));
        RewardsApi.coupon(PointsApi.ADMIN, code).statusCode(SC_OK);
        RewardsApi.coupon(member.token(), code).statusCode(SC_FORBIDDEN);
        RewardsApi.coupon(PointsApi.MARKETER, code).statusCode(SC_FORBIDDEN);
        fulfil(member.token(), code).statusCode(SC_FORBIDDEN);
        voidCoupon(member.token(), code).statusCode(SC_FORBIDDEN);

        // a typo fails the check symbol: 400; a well-formed code nobody holds: 404
        char last = code.charAt(15);
        String typo = code.substring(0, 15) + (last == '0' ? '1' : '0');
        RewardsApi.coupon(PointsApi.STAFF, typo)
                .statusCode(SC_BAD_REQUEST)
                .body("type", endsWith("/invalid-coupon-code"));
        RewardsApi.coupon(PointsApi.STAFF, "nonsense").statusCode(SC_BAD_REQUEST);
        RewardsApi.coupon(PointsApi.STAFF, CouponCodes.generate()).statusCode(SC_NOT_FOUND);
        fulfil(PointsApi.STAFF, CouponCodes.generate()).statusCode(SC_NOT_FOUND);
    }

    @Test
    void fulfilIsIdempotentAndAFulfilledCouponCannotBeVoided() {
        var member = PointsApi.funded(500);
        String id = created(reward("PRODUCT", 200, 3L, List.of()));
        String code =
                redeem(member.token(), id).statusCode(SC_CREATED).extract().path("couponCode");
        String redemption = fulfil(PointsApi.STAFF, code)
                .statusCode(SC_OK)
                .body("status", equalTo("FULFILLED"))
                .body("fulfilledAt", notNullValue())
                .body("replayed", equalTo(false))
                .extract()
                .path("redemptionId");
        fulfil(PointsApi.STAFF, code).statusCode(SC_OK).body("replayed", equalTo(true));
        // who handed it over, once: the replay is not a second hand-over
        JsonPath audit = RewardsApi.audit(redemption);
        assertEquals(List.of("COUPON_FULFILLED"), audit.getList("items.action"));
        assertEquals("ISSUED", audit.getString("items[0].before.status"));
        assertEquals("FULFILLED", audit.getString("items[0].after.status"));
        voidCoupon(PointsApi.STAFF, code).statusCode(SC_CONFLICT).body("type", endsWith("/coupon-fulfilled"));
        assertEquals(300, PointsApi.balance(member));
        assertEquals(2, stock(id));
        RewardsApi.get(PointsApi.MARKETER, id)
                .body("counts.fulfilled", equalTo(1))
                .body("counts.issued", equalTo(0));
    }

    @Test
    void voidingGivesThePointsBackToTheirLotsAndTheStockBackAndIsAudited() {
        var member = PointsApi.funded(100);
        PointsApi.purchase("second-" + UUID.randomUUID(), member.cardCode(), 20_000)
                .statusCode(SC_CREATED);
        var lots = fixture.lots(member.id());
        fixture.expireAt(lots.get(1).id(), Instant.now().plus(Duration.ofDays(5)));
        String id = created(reward("PRODUCT", 250, 1L, List.of()));
        String code =
                redeem(member.token(), id).statusCode(SC_CREATED).extract().path("couponCode");
        assertEquals(0, stock(id));
        assertEquals(50, fixture.lots(member.id()).get(0).remaining());

        String staff = PointsApi.staffOf("S001");
        JsonPath voided = given().auth()
                .oauth2(staff)
                .contentType("application/json")
                .body(Map.of("reason", "customer changed their mind"))
                .when()
                .post("/api/points/coupons/{code}/void", code)
                .then()
                .statusCode(SC_OK)
                .body("status", equalTo("VOIDED"))
                .body("balance", equalTo(300))
                .body("available", equalTo(300))
                .body("replayed", equalTo(false))
                .extract()
                .jsonPath();
        assertTrue(voided.getString("voidedBy") != null);
        voidCoupon(PointsApi.STAFF, code)
                .statusCode(SC_OK)
                .body("replayed", equalTo(true))
                .body("balance", equalTo(300));
        fulfil(PointsApi.STAFF, code).statusCode(SC_CONFLICT).body("type", endsWith("/coupon-voided"));

        // the very lots, with their own dates
        var after = fixture.lots(member.id());
        assertEquals(100, after.get(0).remaining());
        assertEquals(200, after.get(1).remaining());
        assertEquals(1, stock(id));
        assertEquals(300, PointsApi.balance(member));
        assertEquals(300, PointsApi.ledgerSum(member));
        assertEquals("REVERSE", PointsApi.ledger(member).getString("items[0].kind"));

        JsonPath audit = RewardsApi.audit(voided.getString("redemptionId"));
        assertEquals(List.of("COUPON_VOIDED"), audit.getList("items.action"));
        assertEquals("customer changed their mind", audit.getString("items[0].reason"));
        assertEquals("ISSUED", audit.getString("items[0].before.status"));
        assertEquals("VOIDED", audit.getString("items[0].after.status"));
        given().auth()
                .oauth2(member.token())
                .when()
                .get("/api/points/members/me/rewards")
                .then()
                .statusCode(SC_OK)
                .body("items[0].status", equalTo("VOIDED"));
        // the stock that came back can be redeemed again
        redeem(member.token(), id).statusCode(SC_CREATED);
    }

    @Test
    void aFulfilRacingAVoidLetsExactlyOneWin() throws Exception {
        for (int round = 0; round < 5; round++) {
            var member = PointsApi.funded(300);
            String id = created(reward("PRODUCT", 300, 1L, List.of()));
            String code =
                    redeem(member.token(), id).statusCode(SC_CREATED).extract().path("couponCode");
            List<Callable<Integer>> calls = List.of(
                    () -> fulfil(PointsApi.STAFF, code).extract().statusCode(),
                    () -> voidCoupon(PointsApi.STAFF, code).extract().statusCode(),
                    () -> fulfil(PointsApi.STAFF, code).extract().statusCode(),
                    () -> voidCoupon(PointsApi.STAFF, code).extract().statusCode());
            List<Integer> statuses = Concurrently.run(calls);
            String status = RewardsApi.coupon(PointsApi.STAFF, code).extract().path("status");
            if (status.equals("FULFILLED")) {
                assertEquals(List.of(SC_OK, SC_CONFLICT, SC_OK, SC_CONFLICT), statuses);
                assertEquals(0, PointsApi.balance(member));
                assertEquals(0, stock(id));
            } else {
                assertEquals("VOIDED", status);
                assertEquals(List.of(SC_CONFLICT, SC_OK, SC_CONFLICT, SC_OK), statuses);
                assertEquals(300, PointsApi.balance(member));
                assertEquals(1, stock(id));
            }
        }
    }
}
