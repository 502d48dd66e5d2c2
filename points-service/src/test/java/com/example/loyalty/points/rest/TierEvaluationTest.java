package com.example.loyalty.points.rest;

import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_ACCEPTED;
import static org.apache.http.HttpStatus.SC_CREATED;
import static org.apache.http.HttpStatus.SC_FORBIDDEN;
import static org.apache.http.HttpStatus.SC_NOT_FOUND;
import static org.apache.http.HttpStatus.SC_NO_CONTENT;
import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_UNPROCESSABLE_ENTITY;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.events.EventJson;
import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.TierChanged;
import com.example.loyalty.points.PointsDb;
import com.example.loyalty.points.service.TierEvaluations;
import com.example.loyalty.testing.contract.SendsInvalidRequests;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Tier evaluation on the real database (docs/tiers.md): qualification, upgrades at once, downgrades only at evaluation
 * after the grace period, overrides, ladder changes re-evaluating everyone (resumable, with progress and events),
 * the till during a re-evaluation, preview and progress. Every ladder a test publishes is put back afterwards.
 */
@QuarkusTest
class TierEvaluationTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TierEvaluations evaluations;

    PointsDb db() {
        return new PointsDb(dataSource);
    }

    @AfterEach
    void restoreTheDefaultLadder() {
        await(publish(TierResourceTest.DEFAULT_LADDER));
    }

    /** REGULAR; SILVER by 3 purchases; GOLD by 100,000 JPY AND 5 purchases; PLATINUM by 500,000 JPY OR 20 purchases. */
    static final String COUNT_LADDER = """
            {"windowMonths": 12, "downgrade": {"graceDays": %d, "maxSteps": 1}, "tiers": [
              {"code": "REGULAR", "name": "Regular", "multiplier": 1},
              {"code": "SILVER", "name": "Silver", "minPurchases": 3, "multiplier": 1.25},
              {"code": "GOLD", "name": "Gold", "thresholdSpend": 100000, "minPurchases": 5, "qualifyBy": "ALL",
               "multiplier": 1.5},
              {"code": "PLATINUM", "name": "Platinum", "thresholdSpend": 500000, "minPurchases": 20,
               "qualifyBy": "ANY", "multiplier": 2}]}
            """;

    @Test
    void tiersQualifyByCountBySpendAndByAllOrAnyAndUpgradeAtOnce() {
        await(publish(COUNT_LADDER.formatted(30)));
        var counter = PointsApi.enrolNewMember();
        buy(counter, 100).body("tier", equalTo("REGULAR"));
        buy(counter, 100).body("tier", equalTo("REGULAR"));
        buy(counter, 100).body("tier", equalTo("SILVER")).body("tierChanged", equalTo(true));

        var bigSpender = PointsApi.enrolNewMember();
        // 100,000 JPY in one purchase: GOLD asks ALL of 100,000 JPY and 5 purchases, SILVER 3 purchases
        buy(bigSpender, 100_000).body("tier", equalTo("REGULAR"));
        buy(bigSpender, 100).body("tier", equalTo("REGULAR"));
        buy(bigSpender, 100).body("tier", equalTo("SILVER"));
        buy(bigSpender, 100).body("tier", equalTo("SILVER"));
        buy(bigSpender, 100).body("tier", equalTo("GOLD"));

        var oneBigPurchase = PointsApi.enrolNewMember();
        // PLATINUM asks ANY of 500,000 JPY or 20 purchases: the spend alone is enough, straight past SILVER and GOLD
        buy(oneBigPurchase, 500_000).body("tier", equalTo("PLATINUM"));

        progress(counter)
                .body("tier", equalTo("SILVER"))
                .body("nextTier", equalTo("GOLD"))
                .body("current.spend", equalTo(300))
                .body("current.purchases", equalTo(3))
                .body("current.points", equalTo(3))
                .body("needed.spend", equalTo(99_700))
                .body("needed.purchases", equalTo(2))
                .body("needed.qualifyBy", equalTo("ALL"))
                .body("keep.qualifies", equalTo(true))
                .body("period.kind", equalTo("ROLLING"))
                .body("period.months", equalTo(12));
    }

    @Test
    void aFiscalYearCountsOnlyItsOwnPurchasesWhereARollingWindowCountsAll() {
        ZoneId zone = ZoneId.of("Asia/Tokyo");
        LocalDate today = LocalDate.now(zone);
        int month = today.getMonthValue();
        // the fiscal year starts on the first of this month: the day before lies in the previous one
        Instant lastYear =
                today.withDayOfMonth(1).minusDays(1).atTime(12, 0).atZone(zone).toInstant();
        String fiscal = """
                {"period": {"kind": "FISCAL_YEAR", "startMonth": %d}, "tiers": [
                  {"code": "REGULAR", "name": "Regular", "thresholdSpend": 0, "multiplier": 1},
                  {"code": "SILVER", "name": "Silver", "thresholdSpend": 30000, "multiplier": 1.25},
                  {"code": "GOLD", "name": "Gold", "thresholdSpend": 100000, "multiplier": 1.5},
                  {"code": "PLATINUM", "name": "Platinum", "thresholdSpend": 300000, "multiplier": 2}]}
                """.formatted(month);
        await(publish(fiscal));
        given().auth()
                .oauth2(PointsApi.MARKETER)
                .get("/api/points/tiers")
                .then()
                .statusCode(SC_OK)
                .body("period.kind", equalTo("FISCAL_YEAR"))
                .body("period.startMonth", equalTo(month));
        var m = PointsApi.enrolNewMember();
        PointsApi.purchase(PointsApi.STAFF, PointsApi.STORE, "fy-" + UUID.randomUUID(), m.cardCode(), 20_000, lastYear)
                .statusCode(SC_CREATED)
                .body("tier", equalTo("REGULAR"));
        buy(m, 20_000).body("tier", equalTo("REGULAR"));
        progress(m)
                .body("current.spend", equalTo(20_000))
                .body("current.purchases", equalTo(1))
                .body("period.kind", equalTo("FISCAL_YEAR"))
                .body("period.startMonth", equalTo(month))
                .body("keep.by", notNullValue());

        // the same purchases over a rolling year: 40,000 JPY, SILVER, given by the re-evaluation of the change
        String id = publish(TierResourceTest.DEFAULT_LADDER);
        await(id);
        assertEquals("SILVER", tier(m));
        progress(m).body("current.spend", equalTo(40_000)).body("current.purchases", equalTo(2));
    }

    @Test
    void downgradesWaitForAnEvaluationAfterTheGracePeriodAndGoAtMostMaxStepsAtATime() {
        await(publish(ladder(10, 1)));
        var m = PointsApi.enrolNewMember();
        String tx = "dg-" + UUID.randomUUID();
        PointsApi.purchase(tx, m.cardCode(), 100_000).statusCode(SC_CREATED).body("tier", equalTo("GOLD"));
        // a return takes the spend back under every threshold: no downgrade on a return, nor on a purchase
        PointsApi.returnOf("r-" + UUID.randomUUID(), tx, 100_000).statusCode(SC_CREATED);
        buy(m, 100).body("tier", equalTo("GOLD"));
        assertEquals(100, db().number("select window_spend from member where id = ?::uuid", m.id()));
        assertEquals(1, db().number("select window_purchases from member where id = ?::uuid", m.id()));

        // first evaluation: marked, not downgraded (10 days of grace)
        evaluateAll();
        assertEquals("GOLD", tier(m));
        assertNotNull(belowSince(m));
        progress(m)
                .body("keep.qualifies", equalTo(false))
                .body("keep.belowSince", notNullValue())
                .body("keep.by", notNullValue());

        // eleven days later (the mark moved back): one step down, to SILVER, though they qualify for REGULAR only
        db().update("update member set tier_below_since = now() - interval '11 days' where id = ?::uuid", m.id());
        String second = evaluateAll();
        assertEquals("SILVER", tier(m));
        assertNotNull(belowSince(m), "still below SILVER: the mark stays");
        assertTrue(evaluation(second).getLong("downgraded") >= 1);
        // the next evaluation takes the next step
        evaluateAll();
        assertEquals("REGULAR", tier(m));
        assertNull(belowSince(m));

        List<TierChanged> changes = tierChanges(m.id());
        assertEquals(3, changes.size(), changes.toString());
        assertEquals(new TierChanged("GOLD", "SILVER", 100), changes.get(1));
        assertEquals(new TierChanged("SILVER", "REGULAR", 100), changes.get(2));
    }

    @Test
    void qualifyingAgainClearsTheMark() {
        await(publish(ladder(10, 1)));
        var m = PointsApi.enrolNewMember();
        String tx = "qa-" + UUID.randomUUID();
        PointsApi.purchase(tx, m.cardCode(), 30_000).statusCode(SC_CREATED).body("tier", equalTo("SILVER"));
        PointsApi.returnOf("r-" + UUID.randomUUID(), tx, 1_000).statusCode(SC_CREATED);
        evaluateAll();
        assertNotNull(belowSince(m));
        buy(m, 1_000).body("tier", equalTo("SILVER"));
        evaluateAll();
        assertNull(belowSince(m));
        assertEquals("SILVER", tier(m));
    }

    @Test
    void withNoGraceADowngradeComesAtTheFirstEvaluationAndMaxStepsBoundsIt() {
        await(publish(ladder(0, 2)));
        var m = PointsApi.enrolNewMember();
        String tx = "ng-" + UUID.randomUUID();
        PointsApi.purchase(tx, m.cardCode(), 300_000).statusCode(SC_CREATED).body("tier", equalTo("PLATINUM"));
        PointsApi.returnOf("r-" + UUID.randomUUID(), tx, 300_000).statusCode(SC_CREATED);
        evaluateAll();
        assertEquals("SILVER", tier(m), "two steps at most: PLATINUM -> SILVER");
        evaluateAll();
        assertEquals("REGULAR", tier(m));
    }

    @Test
    void anOverrideHoldsTheTierUntilItsDateThenTheRulesApplyAgain() {
        await(publish(ladder(0, 3)));
        var m = PointsApi.enrolNewMember();
        Instant until = Instant.now().plus(Duration.ofDays(10));
        override(PointsApi.ADMIN, m.id(), Map.of("tier", "GOLD", "until", until.toString(), "reason", "VIP guest"))
                .statusCode(SC_OK)
                .body("tier", equalTo("GOLD"))
                .body("previousTier", equalTo("REGULAR"))
                .body("tierChanged", equalTo(true));
        assertEquals(List.of(new TierChanged("REGULAR", "GOLD", 0)), tierChanges(m.id()));
        AuditResourceTest.audit(Map.of("target", m.id(), "action", "TIER_OVERRIDDEN"))
                .statusCode(SC_OK)
                .body("items", hasSize(1))
                .body("items[0].reason", equalTo("VIP guest"))
                .body("items[0].before.tier", equalTo("REGULAR"))
                .body("items[0].after.tier", equalTo("GOLD"));

        // neither an evaluation (no grace) nor a purchase moves them while it holds
        evaluateAll();
        assertEquals("GOLD", tier(m));
        buy(m, 300_000).body("tier", equalTo("GOLD"));
        progress(m).body("overrideUntil", notNullValue());

        // after its date the rules apply again: 300,000 JPY qualifies for PLATINUM
        db().update("update member set tier_override_until = now() - interval '1 second' where id = ?::uuid", m.id());
        evaluateAll();
        assertEquals("PLATINUM", tier(m));

        // a new override, removed again: the tier stays, audited
        override(PointsApi.ADMIN, m.id(), Map.of("tier", "SILVER", "until", until.toString(), "reason", "test"))
                .statusCode(SC_OK);
        given().auth()
                .oauth2(PointsApi.ADMIN)
                .delete("/api/points/members/" + m.id() + "/tier-override")
                .then()
                .statusCode(SC_NO_CONTENT);
        assertEquals("SILVER", tier(m));
        AuditResourceTest.audit(Map.of("target", m.id(), "action", "TIER_OVERRIDE_REMOVED"))
                .statusCode(SC_OK)
                .body("items", hasSize(1));
        evaluateAll();
        assertEquals("PLATINUM", tier(m), "upgrades at once once the override is gone");
    }

    @SendsInvalidRequests("an override without a reason")
    @Test
    void overridesAreForAdminsAndCheckTheirInput() {
        var m = PointsApi.enrolNewMember();
        String until = Instant.now().plus(Duration.ofDays(1)).toString();
        Map<String, Object> body = Map.of("tier", "GOLD", "until", until, "reason", "r");
        override(PointsApi.STAFF, m.id(), body).statusCode(SC_FORBIDDEN);
        override(PointsApi.MARKETER, m.id(), body).statusCode(SC_FORBIDDEN);
        override(m.token(), m.id(), body).statusCode(SC_FORBIDDEN);
        override(PointsApi.ADMIN, m.id(), Map.of("tier", "NOPE", "until", until, "reason", "r"))
                .statusCode(SC_UNPROCESSABLE_ENTITY);
        override(PointsApi.ADMIN, m.id(), Map.of("tier", "GOLD", "until", "2020-01-01T00:00:00Z", "reason", "r"))
                .statusCode(SC_UNPROCESSABLE_ENTITY);
        override(PointsApi.ADMIN, m.id(), Map.of("tier", "GOLD", "until", until))
                .statusCode(400);
        override(PointsApi.ADMIN, UUID.randomUUID().toString(), body).statusCode(SC_NOT_FOUND);
        assertEquals("REGULAR", tier(m));
        assertEquals(0, tierChanges(m.id()).size());
    }

    @Test
    void aLadderChangeReEvaluatesEveryoneWithProgressAndEvents() {
        var m = PointsApi.enrolNewMember();
        buy(m, 20_000).body("tier", equalTo("REGULAR"));
        String id = publish(
                TierResourceTest.DEFAULT_LADDER.replace("\"thresholdSpend\": 30000,", "\"thresholdSpend\": 10000,"));
        JsonPath done = await(id);
        assertEquals("LADDER_CHANGE", done.getString("trigger"));
        assertTrue(done.getLong("membersDone") > 0);
        assertTrue(done.getLong("membersTotal") >= done.getLong("membersDone"));
        assertTrue(done.getLong("upgraded") >= 1);
        assertNotNull(done.getString("startedAt"));
        assertNotNull(done.getString("finishedAt"));
        assertEquals("SILVER", tier(m));
        assertEquals(List.of(new TierChanged("REGULAR", "SILVER", 20_000)), tierChanges(m.id()));
    }

    @Test
    void anInterruptedEvaluationIsResumedFromItsCursor() {
        await(publish(TierResourceTest.DEFAULT_LADDER));
        var a = PointsApi.enrolNewMember();
        var b = PointsApi.enrolNewMember();
        buy(a, 30_000).body("tier", equalTo("SILVER"));
        buy(b, 30_000).body("tier", equalTo("SILVER"));
        // both held below what they qualify for, as if the ladder had changed and the run stopped between them
        db().update("update member set tier_code = 'REGULAR' where id in (?::uuid, ?::uuid)", a.id(), b.id());
        String first = a.id().compareTo(b.id()) < 0 ? a.id() : b.id();
        String second = first.equals(a.id()) ? b.id() : a.id();
        UUID id = UUID.randomUUID();
        db().update(
                        "insert into tier_evaluation (id, trigger, status, ladder_version, members_total, members_done, "
                                + "cursor_id, started_at, started_by, heartbeat_at) select ?::uuid, 'LADDER_CHANGE', "
                                + "'RUNNING', version, 10, 7, ?::uuid, now() - interval '1 hour', 'test', "
                                + "now() - interval '1 hour' from tier_ladder",
                        id.toString(),
                        first);
        assertTrue(evaluations.resumeAbandoned() >= 1);
        JsonPath done = evaluation(id.toString());
        assertEquals("DONE", done.getString("status"));
        assertTrue(done.getLong("membersDone") > 7, "went on from the cursor's count");
        assertEquals("REGULAR", tier(first), "before the cursor: not evaluated again");
        assertEquals("SILVER", tier(second), "after the cursor: evaluated");
    }

    @Test
    void aPurchaseDuringAReEvaluationIsNeitherLostNorCountedTwice() throws Exception {
        var m = PointsApi.enrolNewMember();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Void>> work = new ArrayList<>();
            long total = 0;
            for (int i = 0; i < 20; i++) {
                long amount = 2_000 + i;
                total += amount;
                work.add(() -> {
                    // the member's figure goes stale now and then, so the evaluation recomputes it as purchases land
                    db().update("update member set window_months = null where id = ?::uuid", m.id());
                    buy(m, amount);
                    return null;
                });
            }
            List<String> runs = new ArrayList<>();
            Future<?> evaluating = pool.submit(() -> {
                for (int i = 0; i < 3; i++) {
                    runs.add(await(evaluateAllAsync()).getString("status"));
                }
                return null;
            });
            List<Future<Void>> buying = pool.invokeAll(List.of(() -> {
                for (Callable<Void> c : work) {
                    c.call();
                }
                return null;
            }));
            for (Future<Void> f : buying) {
                f.get(120, TimeUnit.SECONDS);
            }
            evaluating.get(120, TimeUnit.SECONDS);
            assertEquals(List.of("DONE", "DONE", "DONE"), runs);
            long purchases = db().number("select count(*) from purchase where member_id = ?::uuid", m.id());
            assertEquals(20, purchases, "no purchase lost");
            // the running figures equal the purchases (read the way the till reads them)
            progress(m).body("current.spend", equalTo((int) total)).body("current.purchases", equalTo(20));
            assertEquals(total, db().number("select window_spend from member where id = ?::uuid", m.id()));
            assertEquals(
                    db().number("select sum(points) from purchase where member_id = ?::uuid", m.id()),
                    db().number("select window_points from member where id = ?::uuid", m.id()));
            assertEquals("SILVER", tier(m));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPreviewCountsMembersPerTierAndMovesAndChangesNothing() {
        String stricter =
                TierResourceTest.DEFAULT_LADDER.replace("\"thresholdSpend\": 30000,", "\"thresholdSpend\": 50000,");
        JsonPath before = preview(PointsApi.MARKETER, stricter)
                .statusCode(SC_OK)
                .extract()
                .jsonPath();
        long version = given().auth()
                .oauth2(PointsApi.MARKETER)
                .get("/api/points/tiers")
                .then()
                .extract()
                .jsonPath()
                .getLong("version");
        var m = PointsApi.enrolNewMember();
        buy(m, 40_000).body("tier", equalTo("SILVER"));
        JsonPath after = preview(PointsApi.ADMIN, stricter)
                .statusCode(SC_OK)
                .body("tiers.code", org.hamcrest.Matchers.contains("REGULAR", "SILVER", "GOLD", "PLATINUM"))
                .extract()
                .jsonPath();
        assertEquals(before.getLong("members") + 1, after.getLong("members"));
        assertEquals(before.getLong("movedDown") + 1, after.getLong("movedDown"));
        assertEquals(before.getLong("movedUp"), after.getLong("movedUp"));
        assertEquals(before.getLong("tiers[0].members") + 1, after.getLong("tiers[0].members"));
        assertEquals(before.getLong("tiers[1].members"), after.getLong("tiers[1].members"));
        // 40,000 JPY earning at 1.0 instead of 1.25: 100 points less per period (rounding of the totals aside)
        long costDelta = after.getLong("earningCost.change") - before.getLong("earningCost.change");
        assertTrue(costDelta >= -101 && costDelta <= -99, "cost change " + costDelta);
        // nothing written: the member keeps SILVER, the ladder its version
        assertEquals("SILVER", tier(m));
        given().auth()
                .oauth2(PointsApi.MARKETER)
                .get("/api/points/tiers")
                .then()
                .body("version", equalTo((int) version))
                .body("tiers[1].thresholdSpend", equalTo(30000));
        // the same rules as publishing
        preview(PointsApi.MARKETER, stricter.replace("\"thresholdSpend\": 50000,", "\"thresholdSpend\": 0,"))
                .statusCode(SC_UNPROCESSABLE_ENTITY);
        preview(PointsApi.STAFF, stricter).statusCode(SC_FORBIDDEN);
        preview(m.token(), stricter).statusCode(SC_FORBIDDEN);
    }

    @Test
    void evaluationsAreForMarketersAndAdmins() {
        given().auth()
                .oauth2(PointsApi.STAFF)
                .post("/api/points/tiers/evaluations")
                .then()
                .statusCode(SC_FORBIDDEN);
        var m = PointsApi.enrolNewMember();
        given().auth()
                .oauth2(m.token())
                .post("/api/points/tiers/evaluations")
                .then()
                .statusCode(SC_FORBIDDEN);
        String id = given().auth()
                .oauth2(PointsApi.ADMIN)
                .post("/api/points/tiers/evaluations")
                .then()
                .statusCode(SC_ACCEPTED)
                .body("id", notNullValue())
                .extract()
                .path("id");
        JsonPath done = await(id);
        assertEquals("MANUAL", done.getString("trigger"));
        given().auth()
                .oauth2(PointsApi.STAFF)
                .get("/api/points/tiers/evaluations/" + id)
                .then()
                .statusCode(SC_FORBIDDEN);
        given().auth()
                .oauth2(PointsApi.MARKETER)
                .get("/api/points/tiers/evaluations/" + UUID.randomUUID())
                .then()
                .statusCode(SC_NOT_FOUND);
        given().auth()
                .oauth2(PointsApi.MARKETER)
                .get("/api/points/tiers/evaluations/not-a-uuid")
                .then()
                .statusCode(SC_NOT_FOUND);
        AuditResourceTest.audit(Map.of("target", id, "action", "TIER_EVALUATION_STARTED"))
                .statusCode(SC_OK)
                .body("items", hasSize(1));
        given().auth()
                .oauth2(PointsApi.STAFF)
                .get("/api/points/members/me/tier-progress")
                .then()
                .statusCode(SC_FORBIDDEN);
    }

    @SendsInvalidRequests("an unknown period kind (WEEKLY) and a downgrade of 0 steps")
    @Test
    void aLadderBodyIsCheckedAsAWhole() {
        publishing(TierResourceTest.DEFAULT_LADDER.replace(
                        "\"windowMonths\": 12,",
                        "\"windowMonths\": 12, " + "\"period\": {\"kind\": \"ROLLING\", \"months\": 6},"))
                .statusCode(SC_UNPROCESSABLE_ENTITY);
        publishing(TierResourceTest.DEFAULT_LADDER.replace("\"windowMonths\": 12,", ""))
                .statusCode(SC_UNPROCESSABLE_ENTITY);
        publishing(TierResourceTest.DEFAULT_LADDER.replace(
                        "\"windowMonths\": 12,", "\"windowMonths\": 12, \"period\": {\"kind\": \"WEEKLY\"},"))
                .statusCode(400);
        publishing(TierResourceTest.DEFAULT_LADDER.replace(
                        "\"windowMonths\": 12,", "\"windowMonths\": 12, \"downgrade\": {\"maxSteps\": 0},"))
                .statusCode(400);
        // a tier above the first that asks less purchases than the one below
        publishing("""
                {"windowMonths": 12, "tiers": [
                  {"code": "REGULAR", "name": "Regular", "multiplier": 1},
                  {"code": "SILVER", "name": "Silver", "minPurchases": 5, "multiplier": 1.25},
                  {"code": "GOLD", "name": "Gold", "minPurchases": 4, "multiplier": 1.5}]}
                """).statusCode(SC_UNPROCESSABLE_ENTITY);
    }

    // ---- helpers ----

    /** Spend to REGULAR / SILVER 30,000 / GOLD 100,000 / PLATINUM 300,000 with these downgrade rules. */
    static String ladder(int graceDays, int maxSteps) {
        return TierResourceTest.DEFAULT_LADDER.replace(
                "\"windowMonths\": 12,",
                "\"windowMonths\": 12, \"downgrade\": {\"graceDays\": " + graceDays + ", \"maxSteps\": " + maxSteps
                        + "},");
    }

    static ValidatableResponse buy(PointsApi.Enrolled m, long amount) {
        return PointsApi.purchase("te-" + UUID.randomUUID(), m.cardCode(), amount)
                .statusCode(SC_CREATED);
    }

    static ValidatableResponse publishing(String body) {
        return given().auth()
                .oauth2(PointsApi.MARKETER)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .put("/api/points/tiers")
                .then();
    }

    static String publish(String body) {
        return publishing(body)
                .statusCode(SC_OK)
                .body("evaluationId", notNullValue())
                .extract()
                .path("evaluationId");
    }

    static ValidatableResponse preview(String token, String body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/points/tiers/preview")
                .then();
    }

    static ValidatableResponse override(String token, String memberId, Map<String, ?> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .put("/api/points/members/" + memberId + "/tier-override")
                .then();
    }

    static ValidatableResponse progress(PointsApi.Enrolled m) {
        return given().auth()
                .oauth2(m.token())
                .get("/api/points/members/me/tier-progress")
                .then()
                .statusCode(SC_OK);
    }

    static JsonPath evaluation(String id) {
        return given().auth()
                .oauth2(PointsApi.MARKETER)
                .get("/api/points/tiers/evaluations/" + id)
                .then()
                .statusCode(SC_OK)
                .extract()
                .jsonPath();
    }

    /** Waits (bounded) until the evaluation is no longer running; it must be DONE. */
    static JsonPath await(String id) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (true) {
            JsonPath e = evaluation(id);
            if (!"RUNNING".equals(e.getString("status"))) {
                assertEquals("DONE", e.getString("status"), e.prettify());
                return e;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("still running: " + e.prettify());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
        }
    }

    static String evaluateAllAsync() {
        return given().auth()
                .oauth2(PointsApi.MARKETER)
                .post("/api/points/tiers/evaluations")
                .then()
                .statusCode(SC_ACCEPTED)
                .extract()
                .path("id");
    }

    /** Evaluates every member now and waits for it. */
    static String evaluateAll() {
        String id = evaluateAllAsync();
        await(id);
        return id;
    }

    String tier(PointsApi.Enrolled m) {
        return tier(m.id());
    }

    String tier(String memberId) {
        return db().string("select tier_code from member where id = ?::uuid", memberId);
    }

    String belowSince(PointsApi.Enrolled m) {
        return db().strings("select tier_below_since from member where id = ?::uuid", m.id())
                .get(0);
    }

    List<TierChanged> tierChanges(String memberId) {
        List<TierChanged> changes = new ArrayList<>();
        for (String payload : db().strings(
                        "select payload from outbox_event where event_type = ? and message_key = ? order by seq",
                        EventTypes.TIER_CHANGED,
                        memberId)) {
            changes.add(EventJson.payload(EventJson.read(payload), TierChanged.class));
        }
        return changes;
    }
}
