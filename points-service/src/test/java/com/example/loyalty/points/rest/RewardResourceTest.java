package com.example.loyalty.points.rest;

import static com.example.loyalty.points.rest.RewardsApi.created;
import static com.example.loyalty.points.rest.RewardsApi.redeem;
import static com.example.loyalty.points.rest.RewardsApi.reward;
import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_BAD_REQUEST;
import static org.apache.http.HttpStatus.SC_CONFLICT;
import static org.apache.http.HttpStatus.SC_CREATED;
import static org.apache.http.HttpStatus.SC_FORBIDDEN;
import static org.apache.http.HttpStatus.SC_NOT_FOUND;
import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_UNAUTHORIZED;
import static org.apache.http.HttpStatus.SC_UNPROCESSABLE_ENTITY;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.example.loyalty.points.AccountingFixture;
import com.example.loyalty.points.PointsDb;
import com.example.loyalty.testing.contract.ContractValidation;
import com.example.loyalty.testing.contract.SendsInvalidRequests;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The rewards catalogue and redeeming rewards, through REST on the real database. */
@QuarkusTest
class RewardResourceTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AccountingFixture fixture;

    private PointsDb db() {
        return new PointsDb(dataSource);
    }

    /** The highest and the lowest tier of the ladder as it is now (other tests may have replaced it). */
    private String topTier() {
        return db().string("select code from tier order by rank desc limit 1");
    }

    private String bottomTier() {
        return db().string("select code from tier order by rank limit 1");
    }

    /** Puts the member in a tier, as qualifying would (tiers are not what these tests are about). */
    private void inTier(PointsApi.Enrolled member, String tier) {
        db().update("update member set tier_code = ? where id = ?", tier, UUID.fromString(member.id()));
    }

    private long stock(String rewardId) {
        return db().number("select stock from reward where id = ?", UUID.fromString(rewardId));
    }

    private long rewards() {
        return db().number("select count(*) from reward");
    }

    @Test
    void aMarketerCreatesARewardAndTheAuditLogHasIt() {
        Map<String, Object> body = reward("PRODUCT", 300, 5L, List.of());
        body.put("description", "A tote bag");
        body.put("perMemberLimit", 2);
        String id = RewardsApi.create(PointsApi.MARKETER, body)
                .statusCode(SC_CREATED)
                .header("Location", containsString("/api/points/rewards/"))
                .body("kind", equalTo("PRODUCT"))
                .body("pointsPrice", equalTo(300))
                .body("stock", equalTo(5))
                .body("perMemberLimit", equalTo(2))
                .body("status", equalTo("ACTIVE"))
                .body("counts.issued", equalTo(0))
                .extract()
                .path("id");
        RewardsApi.get(PointsApi.MARKETER, id)
                .statusCode(SC_OK)
                .body("description", equalTo("A tote bag"))
                .body("stock", equalTo(5))
                .body("counts.voided", equalTo(0));
        JsonPath audit = RewardsApi.audit(id);
        assertEquals(List.of("REWARD_CREATED"), audit.getList("items.action"));
        assertEquals("REWARD", audit.getString("items[0].targetType"));
        assertEquals(5, audit.getInt("items[0].after.stock"));
        assertEquals(body.get("name"), audit.getString("items[0].after.name"));
    }

    @SendsInvalidRequests(
            "rewards without a name, a price of 0, a negative stock, an unknown kind, lower-case tiers, a limit of 0, a date that is no date-time")
    @Test
    void invalidRewardsAre400Or422AndCreateNothing() {
        String cause = RewardsApi.cause(null);
        long before = rewards();
        Consumer<Map<String, Object>> is400 = b -> RewardsApi.create(PointsApi.MARKETER, b)
                .statusCode(SC_BAD_REQUEST)
                .contentType("application/problem+json");
        Consumer<Map<String, Object>> is422 = b -> RewardsApi.create(PointsApi.MARKETER, b)
                .statusCode(SC_UNPROCESSABLE_ENTITY)
                .contentType("application/problem+json");

        Map<String, Object> b = reward("PRODUCT", 100, null, List.of());
        b.remove("name");
        is400.accept(b);
        is400.accept(reward("PRODUCT", 0, null, List.of()));
        is400.accept(reward("PRODUCT", 100, -1L, List.of()));
        is400.accept(reward("NOT_A_KIND", 100, null, List.of()));
        is400.accept(reward("PRODUCT", 100, null, List.of("lower-case")));
        b = reward("PRODUCT", 100, null, List.of());
        b.put("perMemberLimit", 0);
        is400.accept(b);
        b = reward("PRODUCT", 100, null, List.of());
        b.put("validTo", "yesterday");
        is400.accept(b);

        b = reward("PRODUCT", 100, null, List.of());
        b.remove("kind");
        is422.accept(b);
        is422.accept(reward(
                "EXPERIENCE",
                100,
                1L,
                List.of("NO_SUCH_TIER_"
                        + UUID.randomUUID().toString().substring(0, 8).toUpperCase())));
        b = reward("PRODUCT", 100, null, List.of());
        b.put("validFrom", Instant.now().plus(Duration.ofDays(2)).toString());
        b.put("validTo", Instant.now().plus(Duration.ofDays(1)).toString());
        is422.accept(b);
        b = reward("PRODUCT", 100, null, List.of());
        b.put("validTo", Instant.now().minus(Duration.ofDays(1)).toString());
        is422.accept(b);
        is422.accept(reward("DONATION", 100, null, List.of()));
        b = reward("DONATION", 100, null, List.of());
        b.put("causeId", UUID.randomUUID().toString());
        is422.accept(b);
        b = reward("COUPON", 100, null, List.of());
        b.put("causeId", cause);
        is422.accept(b);
        b = reward("PRODUCT", 100, 5L, List.of());
        b.put("addStock", 3);
        is422.accept(b);
        assertEquals(before, rewards());
    }

    @Test
    void onlyMarketersAndAdminsManageTheCatalogue() {
        var member = PointsApi.funded(1_000);
        Map<String, Object> body = reward("PRODUCT", 100, null, List.of());
        RewardsApi.create(member.token(), body).statusCode(SC_FORBIDDEN);
        RewardsApi.create(PointsApi.STAFF, body).statusCode(SC_FORBIDDEN);
        given().contentType("application/json")
                .body(body)
                .when()
                .post("/api/points/rewards")
                .then()
                .statusCode(SC_UNAUTHORIZED);
        String id = RewardsApi.create(PointsApi.ADMIN, body)
                .statusCode(SC_CREATED)
                .extract()
                .path("id");
        RewardsApi.change(member.token(), id, body).statusCode(SC_FORBIDDEN);
        RewardsApi.retire(member.token(), id).statusCode(SC_FORBIDDEN);
        RewardsApi.retire(PointsApi.STAFF, id).statusCode(SC_FORBIDDEN);
        // staff and marketers do not redeem rewards; only members for themselves
        redeem(PointsApi.STAFF, id).statusCode(SC_FORBIDDEN);
        redeem(PointsApi.MARKETER, id).statusCode(SC_FORBIDDEN);
        given().auth()
                .oauth2(PointsApi.STAFF)
                .when()
                .get("/api/points/rewards")
                .then()
                .statusCode(SC_FORBIDDEN);
        assertEquals(1_000, PointsApi.balance(member));
    }

    @Test
    void aMemberRedeemsARewardForACouponAndTheStockAndPointsGo() {
        var member = PointsApi.funded(1_000);
        String id = created(reward("COUPON", 300, 3L, List.of()));
        JsonPath first = redeem(member.token(), id)
                .statusCode(SC_CREATED)
                .body("couponCode", matchesPattern("[0-9A-HJKMNP-TV-Z]{16}"))
                .body("couponDisplay", matchesPattern("(.{4}-){3}.{4}"))
                .body("rewardId", equalTo(id))
                .body("kind", equalTo("COUPON"))
                .body("points", equalTo(300))
                .body("balance", equalTo(700))
                .body("status", equalTo("ISSUED"))
                .body("replayed", equalTo(false))
                .extract()
                .jsonPath();
        String second =
                redeem(member.token(), id).statusCode(SC_CREATED).extract().path("couponCode");
        assertNotEquals(first.getString("couponCode"), second);
        assertEquals(1, stock(id));
        assertEquals(400, PointsApi.balance(member));
        assertEquals(400, PointsApi.ledgerSum(member));
        JsonPath ledger = PointsApi.ledger(member);
        assertEquals("REDEEM", ledger.getString("items[1].kind"));
        assertEquals(-300, ledger.getInt("items[1].points"));
        RewardsApi.get(PointsApi.MARKETER, id).body("counts.issued", equalTo(2)).body("stock", equalTo(1));
        // the member's own list
        given().auth()
                .oauth2(member.token())
                .when()
                .get("/api/points/members/me/rewards")
                .then()
                .statusCode(SC_OK)
                .body("total", equalTo(2))
                .body("items[0].couponCode", equalTo(second))
                .body("items[1].couponCode", equalTo(first.getString("couponCode")))
                .body("items[1].status", equalTo("ISSUED"));
    }

    @Test
    void aRedemptionTakesTheSoonestExpiringAvailablePointsFirst() {
        var member = PointsApi.funded(100);
        PointsApi.purchase("second-" + UUID.randomUUID(), member.cardCode(), 10_000)
                .statusCode(SC_CREATED);
        var lots = fixture.lots(member.id());
        // the younger lot expires first
        fixture.expireAt(lots.get(1).id(), Instant.now().plus(Duration.ofDays(3)));
        String id = created(reward("PRIZE", 120, null, List.of()));
        redeem(member.token(), id).statusCode(SC_CREATED).body("balance", equalTo(80));
        var after = fixture.lots(member.id());
        assertEquals(0, after.get(1).remaining());
        assertEquals(80, after.get(0).remaining());
    }

    @Test
    void aTierNotEligibleIs403AndChangesNothing() {
        var member = PointsApi.funded(1_000);
        String top = topTier();
        String bottom = bottomTier();
        inTier(member, bottom);
        String id = created(reward("EXPERIENCE", 500, 1L, List.of(top)));
        redeem(member.token(), id)
                .statusCode(SC_FORBIDDEN)
                .contentType("application/problem+json")
                .body("type", endsWith("/tier-not-eligible"))
                .body("detail", containsString(bottom));
        assertEquals(1, stock(id));
        assertEquals(1_000, PointsApi.balance(member));
        inTier(member, top);
        redeem(member.token(), id).statusCode(SC_CREATED);
    }

    @Test
    void outOfStockAndTooFewPointsAre409AndChangeNothing() {
        var rich = PointsApi.funded(1_000);
        var poor = PointsApi.funded(100);
        String id = created(reward("PRODUCT", 200, 1L, List.of()));
        redeem(poor.token(), id)
                .statusCode(SC_CONFLICT)
                .body("type", endsWith("/insufficient-points"))
                .body("detail", containsString("100"));
        assertEquals(1, stock(id));
        redeem(rich.token(), id).statusCode(SC_CREATED);
        redeem(rich.token(), id).statusCode(SC_CONFLICT).body("type", endsWith("/out-of-stock"));
        assertEquals(0, stock(id));
        assertEquals(800, PointsApi.balance(rich));
        assertEquals(800, PointsApi.ledgerSum(rich));
        assertEquals(100, PointsApi.balance(poor));
        assertEquals(1, PointsApi.ledgerCount(poor));
    }

    @Test
    void pendingPointsCannotBuyARewardEither() {
        var member = PointsApi.funded(500);
        var lot = fixture.lots(member.id()).get(0);
        fixture.availableAt(lot.id(), Instant.now().plus(Duration.ofDays(10)));
        String id = created(reward("PRODUCT", 100, null, List.of()));
        redeem(member.token(), id).statusCode(SC_CONFLICT).body("type", endsWith("/insufficient-points"));
        assertEquals(500, PointsApi.balance(member));
    }

    @Test
    void thePerMemberLimitCountsRedemptionsNotVoided() {
        var member = PointsApi.funded(1_000);
        Map<String, Object> body = reward("PRODUCT", 100, null, List.of());
        body.put("perMemberLimit", 1);
        String id = created(body);
        String coupon =
                redeem(member.token(), id).statusCode(SC_CREATED).extract().path("couponCode");
        redeem(member.token(), id)
                .statusCode(SC_CONFLICT)
                .body("type", endsWith("/per-member-limit"))
                .body("detail", containsString("1"));
        assertEquals(900, PointsApi.balance(member));
        RewardsApi.voidCoupon(PointsApi.STAFF, coupon).statusCode(SC_OK);
        redeem(member.token(), id).statusCode(SC_CREATED);
        // another member has a limit of their own
        redeem(PointsApi.funded(100).token(), id).statusCode(SC_CREATED);
    }

    @Test
    void anIdempotencyKeyMakesARetryAReplay() throws Exception {
        var member = PointsApi.funded(1_000);
        String id = created(reward("PRODUCT", 250, 10L, List.of()));
        String key = "k-" + UUID.randomUUID();
        JsonPath first =
                redeem(member.token(), id, key).statusCode(SC_CREATED).extract().jsonPath();
        redeem(member.token(), id, key)
                .statusCode(SC_OK)
                .body("replayed", equalTo(true))
                .body("couponCode", equalTo(first.getString("couponCode")))
                .body("redemptionId", equalTo(first.getString("redemptionId")))
                .body("balance", equalTo(750));
        assertEquals(750, PointsApi.balance(member));
        assertEquals(9, stock(id));
        // the same key for another reward, or for a free-form redemption, is a conflict
        String other = created(reward("PRODUCT", 250, null, List.of()));
        redeem(member.token(), other, key).statusCode(SC_CONFLICT).body("type", endsWith("/idempotency-key-reused"));
        given().auth()
                .oauth2(member.token())
                .contentType("application/json")
                .body(Map.of("idempotencyKey", key, "points", 250, "reason", "free"))
                .when()
                .post("/api/points/redemptions")
                .then()
                .statusCode(SC_CONFLICT);
        // without a key, every request is a redemption of its own
        redeem(member.token(), id).statusCode(SC_CREATED);
        assertEquals(500, PointsApi.balance(member));
        // a key too long is a 400 (the document's maxLength is 128)
        ContractValidation.withoutRequestChecks(
                () -> redeem(member.token(), id, "x".repeat(129)).statusCode(SC_BAD_REQUEST));
    }

    @Test
    void aRetiredOrNotYetValidRewardIs409AndRetiringIsAuditedOnce() {
        var member = PointsApi.funded(1_000);
        String id = created(reward("PRIZE", 100, 5L, List.of()));
        String coupon =
                redeem(member.token(), id).statusCode(SC_CREATED).extract().path("couponCode");
        RewardsApi.retire(PointsApi.MARKETER, id).statusCode(SC_OK).body("status", equalTo("RETIRED"));
        RewardsApi.retire(PointsApi.MARKETER, id).statusCode(SC_OK).body("status", equalTo("RETIRED"));
        redeem(member.token(), id).statusCode(SC_CONFLICT).body("type", endsWith("/reward-retired"));
        RewardsApi.change(PointsApi.MARKETER, id, reward("PRIZE", 100, null, List.of()))
                .statusCode(SC_CONFLICT)
                .body("type", endsWith("/reward-retired"));
        // a coupon issued before stays good
        RewardsApi.fulfil(PointsApi.STAFF, coupon).statusCode(SC_OK).body("status", equalTo("FULFILLED"));
        assertEquals(
                List.of("REWARD_RETIRED", "REWARD_CREATED"),
                RewardsApi.audit(id).getList("items.action"));

        Map<String, Object> later = reward("PRIZE", 100, 5L, List.of());
        later.put("validFrom", Instant.now().plus(Duration.ofDays(1)).toString());
        String future = created(later);
        redeem(member.token(), future).statusCode(SC_CONFLICT).body("type", endsWith("/reward-not-yet-valid"));
        assertEquals(900, PointsApi.balance(member));
        RewardsApi.get(member.token(), future)
                .statusCode(SC_OK)
                .body("redeemable", equalTo(false))
                .body("unavailableReason", equalTo("reward-not-yet-valid"));
        RewardsApi.redeem(member.token(), UUID.randomUUID().toString()).statusCode(SC_NOT_FOUND);
    }

    @Test
    void membersSeeWhatTheyCanRedeemNowOrEverythingWithWhyNot() {
        var member = PointsApi.funded(500);
        inTier(member, bottomTier());
        String cheap = created(reward("PRODUCT", 100, null, List.of()));
        String dear = created(reward("PRODUCT", 600, null, List.of()));
        String topOnly = created(reward("EXPERIENCE", 100, 1L, List.of(topTier())));
        String gone = created(reward("PRODUCT", 100, 0L, List.of()));
        String retired = created(reward("PRODUCT", 100, null, List.of()));
        RewardsApi.retire(PointsApi.MARKETER, retired).statusCode(SC_OK);

        JsonPath now = given().auth()
                .oauth2(member.token())
                .when()
                .get("/api/points/rewards")
                .then()
                .statusCode(SC_OK)
                .extract()
                .jsonPath();
        List<String> ids = now.getList("id");
        org.hamcrest.MatcherAssert.assertThat(ids, hasItem(cheap));
        org.hamcrest.MatcherAssert.assertThat(ids, not(hasItem(dear)));
        org.hamcrest.MatcherAssert.assertThat(ids, not(hasItem(topOnly)));
        org.hamcrest.MatcherAssert.assertThat(ids, not(hasItem(gone)));
        org.hamcrest.MatcherAssert.assertThat(ids, not(hasItem(retired)));
        assertEquals(List.of(true), now.getList("findAll { it.id == '" + cheap + "' }.redeemable"));
        // members are not shown the redemption counts
        assertEquals(false, now.getMap("find { it.id == '" + cheap + "' }").containsKey("counts"));

        JsonPath all = given().auth()
                .oauth2(member.token())
                .queryParam("all", true)
                .when()
                .get("/api/points/rewards")
                .then()
                .statusCode(SC_OK)
                .extract()
                .jsonPath();
        Map<String, String> why = new HashMap<>();
        for (Map<String, Object> r : all.<Map<String, Object>>getList("")) {
            why.put((String) r.get("id"), (String) r.get("unavailableReason"));
        }
        assertEquals("insufficient-points", why.get(dear));
        assertEquals("tier-not-eligible", why.get(topOnly));
        assertEquals("out-of-stock", why.get(gone));
        assertEquals(null, why.get(cheap));
        assertEquals(false, why.containsKey(retired));

        JsonPath managed = given().auth()
                .oauth2(PointsApi.MARKETER)
                .queryParam("status", "RETIRED")
                .when()
                .get("/api/points/rewards")
                .then()
                .statusCode(SC_OK)
                .extract()
                .jsonPath();
        org.hamcrest.MatcherAssert.assertThat(managed.getList("id"), hasItem(retired));
        org.hamcrest.MatcherAssert.assertThat(managed.getList("id"), not(hasItem(cheap)));
        given().auth()
                .oauth2(member.token())
                .when()
                .get("/api/points/rewards/{id}", cheap)
                .then()
                .statusCode(SC_OK)
                .body("counts", nullValue());
    }

    @Test
    void stockChangesAreSafeAgainstRedemptionsAndAudited() {
        var member = PointsApi.funded(1_000);
        Map<String, Object> body = reward("PRODUCT", 100, 5L, List.of());
        String id = created(body);
        redeem(member.token(), id).statusCode(SC_CREATED);

        Map<String, Object> add = new HashMap<>(body);
        add.remove("stock");
        add.put("addStock", 10);
        RewardsApi.change(PointsApi.MARKETER, id, add).statusCode(SC_OK).body("stock", equalTo(14));

        // a marketer who read 5 sets 20: refused, redemptions and the addition changed it since
        Map<String, Object> set = new HashMap<>(body);
        set.put("stock", 20);
        set.put("expectedStock", 5);
        RewardsApi.change(PointsApi.MARKETER, id, set)
                .statusCode(SC_CONFLICT)
                .body("type", endsWith("/stock-changed"))
                .body("detail", containsString("14"));
        set.put("expectedStock", 14);
        RewardsApi.change(PointsApi.MARKETER, id, set).statusCode(SC_OK).body("stock", equalTo(20));
        set.remove("expectedStock");
        RewardsApi.change(PointsApi.MARKETER, id, set).statusCode(SC_UNPROCESSABLE_ENTITY);

        Map<String, Object> takeTooMany = new HashMap<>(add);
        takeTooMany.put("addStock", -21);
        RewardsApi.change(PointsApi.MARKETER, id, takeTooMany)
                .statusCode(SC_CONFLICT)
                .body("type", endsWith("/stock-too-low"));
        Map<String, Object> two = new HashMap<>(add);
        two.put("unlimitedStock", true);
        RewardsApi.change(PointsApi.MARKETER, id, two).statusCode(SC_UNPROCESSABLE_ENTITY);
        Map<String, Object> otherKind = new HashMap<>(add);
        otherKind.remove("addStock");
        otherKind.put("kind", "PRIZE");
        RewardsApi.change(PointsApi.MARKETER, id, otherKind).statusCode(SC_UNPROCESSABLE_ENTITY);
        assertEquals(20, stock(id));

        Map<String, Object> unlimited = new HashMap<>(add);
        unlimited.remove("addStock");
        unlimited.put("unlimitedStock", true);
        unlimited.put("pointsPrice", 150);
        RewardsApi.change(PointsApi.MARKETER, id, unlimited)
                .statusCode(SC_OK)
                .body("stock", nullValue())
                .body("pointsPrice", equalTo(150));
        // the same again changes nothing and records nothing
        Map<String, Object> same = new HashMap<>(unlimited);
        same.remove("unlimitedStock");
        RewardsApi.change(PointsApi.MARKETER, id, same).statusCode(SC_OK);

        JsonPath audit = RewardsApi.audit(id);
        assertEquals(
                List.of("REWARD_CHANGED", "REWARD_CHANGED", "REWARD_CHANGED", "REWARD_CREATED"),
                audit.getList("items.action"));
        assertEquals(4, audit.getInt("items[2].before.stock"));
        assertEquals(14, audit.getInt("items[2].after.stock"));
        assertEquals(100, audit.getInt("items[0].before.pointsPrice"));
        assertEquals(150, audit.getInt("items[0].after.pointsPrice"));
        RewardsApi.change(PointsApi.MARKETER, UUID.randomUUID().toString(), same)
                .statusCode(SC_NOT_FOUND);
    }

    @Test
    void aRewardCouponCannotBeCancelledAsAFreeFormRedemption() {
        var member = PointsApi.funded(500);
        String id = created(reward("COUPON", 100, 2L, List.of()));
        String redemption =
                redeem(member.token(), id).statusCode(SC_CREATED).extract().path("redemptionId");
        PointsApi.cancelRedemption(PointsApi.STAFF, redemption)
                .statusCode(SC_CONFLICT)
                .body("type", endsWith("/reward-redemption"))
                .body("detail", containsString("/void"));
        assertEquals(400, PointsApi.balance(member));
        assertEquals(1, stock(id));
    }
}
