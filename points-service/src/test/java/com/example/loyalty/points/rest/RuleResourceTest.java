package com.example.loyalty.points.rest;

import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_CONFLICT;
import static org.apache.http.HttpStatus.SC_CREATED;
import static org.apache.http.HttpStatus.SC_FORBIDDEN;
import static org.apache.http.HttpStatus.SC_NOT_FOUND;
import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_UNPROCESSABLE_ENTITY;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.loyalty.points.PointsDb;
import com.example.loyalty.testing.Concurrently;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Earning rules and campaigns on the real database (docs/earning-rules.md). Rules apply to every purchase of the
 * service, so each test ends the rules it leaves running (the other test classes earn by the default program: 1
 * point per 100 JPY times the tier multiplier).
 */
@QuarkusTest
class RuleResourceTest {

    static final String MARKETER = PointsApi.MARKETER;
    static final String ADMIN = PointsApi.ADMIN;

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void endEveryRuleStillRunning() {
        List<Map<String, Object>> rules = given().auth()
                .oauth2(ADMIN)
                .queryParam("limit", 500)
                .when()
                .get("/api/points/rules")
                .then()
                .statusCode(SC_OK)
                .extract()
                .jsonPath()
                .getList("$");
        for (Map<String, Object> r : rules) {
            if (!"ENDED".equals(r.get("status")) || !"ENDED".equals(((Map<?, ?>) r.get("current")).get("state"))) {
                given().auth()
                        .oauth2(ADMIN)
                        .contentType(ContentType.JSON)
                        .when()
                        .post("/api/points/rules/{id}/end", r.get("id"))
                        .then()
                        .statusCode(SC_OK);
            }
        }
    }

    static ValidatableResponse create(String token, Map<String, Object> rule) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(rule)
                .when()
                .post("/api/points/rules")
                .then();
    }

    /** A campaign of the end-to-end contract: a multiplier, from now for an hour. */
    static String campaign(String multiplier, Map<String, Object> more) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "kind",
                "CAMPAIGN",
                "name",
                "double points " + UUID.randomUUID(),
                "multiplier",
                new java.math.BigDecimal(multiplier),
                "validFrom",
                Instant.now().toString(),
                "validTo",
                Instant.now().plus(Duration.ofHours(1)).toString()));
        body.putAll(more);
        return create(MARKETER, body).statusCode(SC_CREATED).extract().path("id");
    }

    static ValidatableResponse state(String id, String change, Map<String, Object> body) {
        return given().auth()
                .oauth2(MARKETER)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/points/rules/{id}/" + change, id)
                .then();
    }

    static ValidatableResponse simulate(String token, String card, long amount, Instant occurredAt) {
        Map<String, Object> body =
                new HashMap<>(Map.of("cardCode", card, "amount", amount, "currency", "JPY", "channel", "STORE"));
        if (occurredAt != null) {
            body.put("occurredAt", occurredAt.toString());
        }
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/points/rules/simulate")
                .then();
    }

    static ValidatableResponse buy(String card, long amount, Instant occurredAt) {
        return PointsApi.purchase(
                PointsApi.STAFF, PointsApi.STORE, "rule-" + UUID.randomUUID(), card, amount, occurredAt);
    }

    static JsonPath rule(String id) {
        return given().auth()
                .oauth2(MARKETER)
                .when()
                .get("/api/points/rules/{id}", id)
                .then()
                .statusCode(SC_OK)
                .extract()
                .jsonPath();
    }

    @Test
    void aCampaignInItsWindowDoublesAPurchaseAndOutsideItDoesNot() {
        var member = PointsApi.enrolNewMember();
        Instant before = Instant.now().minus(Duration.ofMinutes(10));
        String id = campaign("2", Map.of());
        // simulate first: the explanation names the campaign, and the purchase then earns exactly that
        JsonPath sim = simulate(PointsApi.STAFF, member.cardCode(), 5_000, null)
                .statusCode(SC_OK)
                .body("points", equalTo(100))
                .body("rate", equalTo(100))
                .body("tier", equalTo("REGULAR"))
                .body("steps.kind", equalTo(List.of("BASE_RATE", "TIER", "CAMPAIGN", "ROUNDING")))
                .body("steps[2].ruleId", equalTo(id))
                .body("steps[2].version", equalTo(1))
                .body("steps[2].effect", equalTo("x2"))
                .body("rules.ruleId", equalTo(List.of(id)))
                .extract()
                .jsonPath();
        assertEquals(0, PointsApi.balance(member), "simulate writes nothing");
        buy(member.cardCode(), 5_000, Instant.now())
                .statusCode(SC_CREATED)
                .body("pointsEarned", equalTo(sim.getInt("points")))
                .body("rules.ruleId", equalTo(List.of(id)))
                .body("rules[0].version", equalTo(1))
                .body("rules[0].kind", equalTo("CAMPAIGN"));
        // a purchase from before the campaign's window, recorded now, earns single
        buy(member.cardCode(), 5_000, before).statusCode(SC_CREATED).body("pointsEarned", equalTo(50));
        simulate(PointsApi.STAFF, member.cardCode(), 5_000, before)
                .statusCode(SC_OK)
                .body("points", equalTo(50));
        assertEquals(150, PointsApi.balance(member));
        assertEquals(
                1,
                new PointsDb(dataSource)
                        .number("select count(*) from purchase_rule where rule_id = ?", UUID.fromString(id)));
    }

    @Test
    void aTierOnlyCampaignReachesThatTierOnly() {
        campaign("3", Map.of("audience", Map.of("tiers", List.of("SILVER"))));
        var regular = PointsApi.enrolNewMember();
        var silver = PointsApi.enrolNewMember();
        // 30,000 JPY reaches Silver; this purchase still earns as Regular
        buy(silver.cardCode(), 30_000, Instant.now()).statusCode(SC_CREATED).body("pointsEarned", equalTo(300));
        buy(regular.cardCode(), 1_000, Instant.now()).statusCode(SC_CREATED).body("pointsEarned", equalTo(10));
        // Silver: 10 x 1.25 x 3 = 37.5, rounded down once
        buy(silver.cardCode(), 1_000, Instant.now()).statusCode(SC_CREATED).body("pointsEarned", equalTo(37));
    }

    @Test
    void aSegmentCampaignReachesTheMembersOfTheSegment() {
        String segment = "TEST_" + ThreadLocalRandom.current().nextInt(1_000_000);
        var inSegment = PointsApi.enrolNewMember();
        var other = PointsApi.enrolNewMember();
        new PointsDb(dataSource)
                .update(
                        "insert into member_segment (member_id, segment, quadrant, as_of, updated_at) "
                                + "values (?, ?, null, current_date, now())",
                        UUID.fromString(inSegment.id()),
                        segment);
        String id = create(
                        MARKETER,
                        Map.of(
                                "kind",
                                "CAMPAIGN",
                                "name",
                                "welcome back",
                                "bonusPoints",
                                100,
                                "audience",
                                Map.of("segment", segment),
                                "validTo",
                                Instant.now().plus(Duration.ofHours(1)).toString()))
                .statusCode(SC_CREATED)
                .body("current.audience.segment", equalTo(segment))
                .body("status", equalTo("ACTIVE"))
                .extract()
                .path("id");
        simulate(ADMIN, inSegment.cardCode(), 5_000, null)
                .statusCode(SC_OK)
                .body("segment", equalTo(segment))
                .body("points", equalTo(150))
                .body("steps[2].effect", equalTo("+100 points"));
        buy(inSegment.cardCode(), 5_000, Instant.now()).statusCode(SC_CREATED).body("pointsEarned", equalTo(150));
        buy(other.cardCode(), 5_000, Instant.now()).statusCode(SC_CREATED).body("pointsEarned", equalTo(50));
        state(id, "end", Map.of()).statusCode(SC_OK).body("status", equalTo("ENDED"));
        buy(inSegment.cardCode(), 5_000, Instant.now()).statusCode(SC_CREATED).body("pointsEarned", equalTo(50));
    }

    @Test
    void aPausedRuleStopsApplyingFromThePauseAndALatePurchaseEarnsByWhatWasInForce() {
        var member = PointsApi.enrolNewMember();
        String id = campaign("2", Map.of());
        Instant created = Instant.parse(rule(id).getString("current.effectiveFrom"));
        buy(member.cardCode(), 1_000, Instant.now()).statusCode(SC_CREATED).body("pointsEarned", equalTo(20));
        String pausedAt = state(id, "pause", Map.of("reason", "budget review"))
                .statusCode(SC_OK)
                .body("status", equalTo("PAUSED"))
                .body("current.version", equalTo(2))
                .extract()
                .path("current.effectiveFrom");
        buy(member.cardCode(), 1_000, Instant.now()).statusCode(SC_CREATED).body("pointsEarned", equalTo(10));
        // a purchase made while it ran, recorded after the pause, still earns double
        Instant during =
                created.plus(Duration.between(created, Instant.parse(pausedAt)).dividedBy(2));
        buy(member.cardCode(), 1_000, during)
                .statusCode(SC_CREATED)
                .body("pointsEarned", equalTo(20))
                .body("rules[0].version", equalTo(1));
        state(id, "pause", Map.of()).statusCode(SC_CONFLICT).body("type", containsString("rule-not-active"));
        state(id, "resume", Map.of()).statusCode(SC_OK).body("status", equalTo("ACTIVE"));
        buy(member.cardCode(), 1_000, Instant.now())
                .statusCode(SC_CREATED)
                .body("pointsEarned", equalTo(20))
                .body("rules[0].version", equalTo(3));
        state(id, "resume", Map.of()).statusCode(SC_CONFLICT).body("type", containsString("rule-not-paused"));
        state(id, "end", Map.of()).statusCode(SC_OK).body("status", equalTo("ENDED"));
        state(id, "end", Map.of()).statusCode(SC_CONFLICT).body("type", containsString("rule-ended"));
        JsonPath all = rule(id);
        assertEquals(List.of("ACTIVE", "PAUSED", "ACTIVE", "ENDED"), all.getList("versions.state"));
        // each version stopped when the next began: none was changed before its time
        for (int v = 0; v < 3; v++) {
            assertEquals(
                    all.getString("versions[" + (v + 1) + "].effectiveFrom"),
                    all.getString("versions[" + v + "].effectiveTo"));
        }
        // every change audited
        List<String> actions = given().auth()
                .oauth2(ADMIN)
                .queryParam("target", id)
                .when()
                .get("/api/points/audit")
                .then()
                .statusCode(SC_OK)
                .extract()
                .jsonPath()
                .getList("items.action");
        assertEquals(List.of("RULE_ENDED", "RULE_RESUMED", "RULE_PAUSED", "RULE_CREATED"), actions);
    }

    @Test
    void aChangeAppliesFromItsMomentAndALatePurchaseEarnsByTheOldVersion() {
        var member = PointsApi.enrolNewMember();
        String id = campaign("2", Map.of());
        Instant created = Instant.parse(rule(id).getString("current.effectiveFrom"));
        String changedAt = given().auth()
                .oauth2(MARKETER)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "name",
                        "triple points",
                        "multiplier",
                        3,
                        "validTo",
                        Instant.now().plus(Duration.ofHours(1)).toString(),
                        "reason",
                        "more"))
                .when()
                .put("/api/points/rules/{id}", id)
                .then()
                .statusCode(SC_OK)
                .body("current.version", equalTo(2))
                .body("current.multiplier", equalTo(3))
                .body("name", equalTo("triple points"))
                .extract()
                .path("current.effectiveFrom");
        Instant during =
                created.plus(Duration.between(created, Instant.parse(changedAt)).dividedBy(2));
        buy(member.cardCode(), 1_000, during)
                .statusCode(SC_CREATED)
                .body("pointsEarned", equalTo(20))
                .body("rules[0].version", equalTo(1));
        buy(member.cardCode(), 1_000, Instant.now())
                .statusCode(SC_CREATED)
                .body("pointsEarned", equalTo(30))
                .body("rules[0].version", equalTo(2))
                .body("rules[0].name", equalTo("triple points"));
        // a change scheduled later, then one made now: the scheduled one never comes into force
        given().auth()
                .oauth2(MARKETER)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "multiplier",
                        5,
                        "name",
                        "five",
                        "validTo",
                        Instant.now().plus(Duration.ofHours(1)).toString(),
                        "effectiveAt",
                        Instant.now().plus(Duration.ofMinutes(30)).toString()))
                .when()
                .put("/api/points/rules/{id}", id)
                .then()
                .statusCode(SC_OK)
                .body("current.version", equalTo(2));
        state(id, "end", Map.of()).statusCode(SC_OK);
        JsonPath all = rule(id);
        assertEquals(all.getString("versions[2].effectiveFrom"), all.getString("versions[2].effectiveTo"));
        assertEquals(List.of("ACTIVE", "ACTIVE", "ACTIVE", "ENDED"), all.getList("versions.state"));
        given().auth()
                .oauth2(MARKETER)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "multiplier",
                        2,
                        "name",
                        "again",
                        "validTo",
                        Instant.now().plusSeconds(60).toString()))
                .when()
                .put("/api/points/rules/{id}", id)
                .then()
                .statusCode(SC_CONFLICT);
    }

    @Test
    void skuRulesWinOverCategoryRulesAndItemsAreChecked() {
        String sku = "SKU-" + UUID.randomUUID();
        String category = "CAT-" + UUID.randomUUID().toString().substring(0, 8);
        create(MARKETER, Map.of("kind", "SKU", "name", "x3 " + sku, "sku", sku, "multiplier", 3))
                .statusCode(SC_CREATED)
                .body("status", equalTo("ACTIVE"));
        create(MARKETER, Map.of("kind", "CATEGORY", "name", "x2 " + category, "category", category, "multiplier", 2))
                .statusCode(SC_CREATED);
        var member = PointsApi.enrolNewMember();
        Map<String, Object> body = new HashMap<>();
        body.put("transactionId", "items-" + UUID.randomUUID());
        body.put("cardCode", member.cardCode());
        body.put("amount", 10_000);
        body.put("currency", "JPY");
        body.put("storeId", PointsApi.STORE);
        body.put("channel", "STORE");
        body.put(
                "items",
                List.of(
                        Map.of("sku", sku, "category", category, "amount", 2_000, "quantity", 1),
                        Map.of("sku", "OTHER", "category", category, "amount", 3_000, "quantity", 3)));
        // 20 x 3 + 30 x 2 + 50 = 170
        given().auth()
                .oauth2(PointsApi.STAFF)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/points/purchases")
                .then()
                .statusCode(SC_CREATED)
                .body("pointsEarned", equalTo(170))
                .body("rules.kind", equalTo(List.of("SKU", "CATEGORY")));
        body.put("transactionId", "items-" + UUID.randomUUID());
        body.put("items", List.of(Map.of("sku", sku, "amount", 10_001, "quantity", 1)));
        given().auth()
                .oauth2(PointsApi.STAFF)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/points/purchases")
                .then()
                .statusCode(SC_UNPROCESSABLE_ENTITY)
                .body("type", containsString("invalid-items"));
        assertEquals(170, PointsApi.balance(member));
    }

    @Test
    void aDailyCapBoundsWhatACampaignAddsToAMembersDay() {
        campaign("2", Map.of("maxPointsPerMemberDay", 60));
        var member = PointsApi.enrolNewMember();
        buy(member.cardCode(), 5_000, Instant.now()).statusCode(SC_CREATED).body("pointsEarned", equalTo(100));
        simulate(PointsApi.STAFF, member.cardCode(), 5_000, null)
                .statusCode(SC_OK)
                .body("points", equalTo(60))
                .body("steps[2].capped", equalTo(true));
        buy(member.cardCode(), 5_000, Instant.now()).statusCode(SC_CREATED).body("pointsEarned", equalTo(60));
        buy(member.cardCode(), 5_000, Instant.now()).statusCode(SC_CREATED).body("pointsEarned", equalTo(50));
    }

    @Test
    void invalidRulesAre422AndChangeNothing() {
        Instant now = Instant.now();
        String to = now.plus(Duration.ofHours(1)).toString();
        List<Map<String, Object>> bad = List.of(
                Map.of("kind", "CAMPAIGN", "name", "zero", "multiplier", 0, "validTo", to),
                Map.of("kind", "CAMPAIGN", "name", "eleven", "multiplier", 11, "validTo", to),
                Map.of("kind", "CAMPAIGN", "name", "decimals", "multiplier", 1.2345, "validTo", to),
                Map.of("kind", "CAMPAIGN", "name", "negative bonus", "bonusPoints", -1, "validTo", to),
                Map.of("kind", "CAMPAIGN", "name", "huge bonus", "bonusPoints", 100_000_000, "validTo", to),
                Map.of("kind", "CAMPAIGN", "name", "no window", "multiplier", 2),
                Map.of("kind", "CAMPAIGN", "name", "nothing", "validTo", to),
                Map.of(
                        "kind",
                        "CAMPAIGN",
                        "name",
                        "backwards",
                        "multiplier",
                        2,
                        "validFrom",
                        now.plus(Duration.ofHours(2)).toString(),
                        "validTo",
                        to),
                Map.of("kind", "CAMPAIGN", "name", "rate", "multiplier", 2, "rate", 10, "validTo", to),
                Map.of(
                        "kind",
                        "CAMPAIGN",
                        "name",
                        "no such tier",
                        "multiplier",
                        2,
                        "validTo",
                        to,
                        "audience",
                        Map.of("tiers", List.of("DIAMOND"))),
                Map.of(
                        "kind",
                        "CAMPAIGN",
                        "name",
                        "both",
                        "multiplier",
                        2,
                        "validTo",
                        to,
                        "audience",
                        Map.of("tiers", List.of("GOLD"), "segment", "CHAMPIONS")),
                Map.of("kind", "BASE_RATE", "name", "dollars", "currency", "USD", "rate", 100),
                Map.of("kind", "CHANNEL", "name", "no multiplier", "channel", "APP"),
                Map.of("kind", "SKU", "name", "", "sku", "A", "multiplier", 2),
                Map.of("name", "no kind", "multiplier", 2));
        for (Map<String, Object> rule : bad) {
            create(MARKETER, rule)
                    .statusCode(SC_UNPROCESSABLE_ENTITY)
                    .contentType("application/problem+json")
                    .body("type", containsString("invalid-rule"));
        }
        create(
                        MARKETER,
                        Map.of(
                                "kind",
                                "CAMPAIGN",
                                "name",
                                "retroactive",
                                "multiplier",
                                2,
                                "validFrom",
                                now.minus(Duration.ofHours(1)).toString(),
                                "validTo",
                                to))
                .statusCode(SC_UNPROCESSABLE_ENTITY)
                .body("type", containsString("rule-in-past"));
        String id = campaign("2", Map.of());
        state(id, "pause", Map.of("effectiveAt", now.minus(Duration.ofDays(1)).toString()))
                .statusCode(SC_UNPROCESSABLE_ENTITY)
                .body("type", containsString("rule-in-past"));
        assertEquals(1, rule(id).getList("versions").size());
        given().auth()
                .oauth2(MARKETER)
                .when()
                .get("/api/points/rules/{id}", UUID.randomUUID())
                .then()
                .statusCode(SC_NOT_FOUND);
        state(UUID.randomUUID().toString(), "pause", Map.of()).statusCode(SC_NOT_FOUND);
        assertEquals(
                0,
                given()
                        .auth()
                        .oauth2(ADMIN)
                        .queryParam("action", "RULE_CREATED")
                        .queryParam("size", 200)
                        .when()
                        .get("/api/points/audit")
                        .then()
                        .statusCode(SC_OK)
                        .extract()
                        .jsonPath()
                        .getList("items.after.version.name", String.class)
                        .stream()
                        .filter(n -> n.equals("retroactive") || n.equals("eleven"))
                        .count());
    }

    @Test
    void onlyMarketersAndAdminsManageRulesAndStaffMaySimulate() {
        var member = PointsApi.enrolNewMember();
        Map<String, Object> body = Map.of(
                "kind",
                "CAMPAIGN",
                "name",
                "nope",
                "multiplier",
                2,
                "validTo",
                Instant.now().plus(Duration.ofHours(1)).toString());
        create(member.token(), body).statusCode(SC_FORBIDDEN);
        create(PointsApi.STAFF, body).statusCode(SC_FORBIDDEN);
        given().auth()
                .oauth2(member.token())
                .when()
                .get("/api/points/rules")
                .then()
                .statusCode(SC_FORBIDDEN);
        given().auth()
                .oauth2(PointsApi.STAFF)
                .when()
                .get("/api/points/rules")
                .then()
                .statusCode(SC_FORBIDDEN);
        simulate(member.token(), member.cardCode(), 1_000, null).statusCode(SC_FORBIDDEN);
        simulate(PointsApi.STAFF, member.cardCode(), 1_000, null)
                .statusCode(SC_OK)
                .body("points", equalTo(10));
        simulate(MARKETER, "0000", 1_000, null).statusCode(SC_NOT_FOUND);
        String id = create(ADMIN, body).statusCode(SC_CREATED).extract().path("id");
        state(id, "end", Map.of()).statusCode(SC_OK);
        given().auth()
                .oauth2(PointsApi.STAFF)
                .contentType(ContentType.JSON)
                .when()
                .post("/api/points/rules/{id}/end", id)
                .then()
                .statusCode(SC_FORBIDDEN);
        given().auth()
                .oauth2(MARKETER)
                .queryParam("status", "ENDED")
                .queryParam("kind", "CAMPAIGN")
                .when()
                .get("/api/points/rules")
                .then()
                .statusCode(SC_OK)
                .body("id", hasItem(id));
        given().auth()
                .oauth2(MARKETER)
                .queryParam("status", "ACTIVE")
                .when()
                .get("/api/points/rules")
                .then()
                .statusCode(SC_OK)
                .body("findAll { it.id == '" + id + "' }", hasSize(0));
    }

    @Test
    void racingChangesOfOneRuleAreMadeOneAtATime() throws Exception {
        String id = campaign("2", Map.of());
        List<Callable<Integer>> pauses = IntStream.range(0, 8)
                .mapToObj(i -> (Callable<Integer>)
                        () -> state(id, "pause", Map.of()).extract().statusCode())
                .toList();
        List<Integer> statuses = Concurrently.run(pauses);
        assertEquals(1, statuses.stream().filter(s -> s == SC_OK).count(), "exactly one pauses: " + statuses);
        assertEquals(
                7, statuses.stream().filter(s -> s == SC_CONFLICT).count(), "the rest find it paused: " + statuses);
        assertEquals(List.of("ACTIVE", "PAUSED"), rule(id).getList("versions.state"));
    }

    @Test
    void racingPurchasesNeverPassACampaignsDailyCap() throws Exception {
        campaign("3", Map.of("maxPointsPerMemberDay", 100));
        var member = PointsApi.enrolNewMember();
        // each 5,000 JPY purchase: 50 base, the campaign would add 100; 100 a day in all
        List<Callable<Integer>> buys = IntStream.range(0, 6)
                .mapToObj(i -> (Callable<Integer>) () ->
                        buy(member.cardCode(), 5_000, Instant.now()).extract().statusCode())
                .toList();
        assertEquals(
                List.of(SC_CREATED), Concurrently.run(buys).stream().distinct().toList());
        assertEquals(6 * 50 + 100, PointsApi.balance(member));
    }
}
