package com.example.loyalty.points.rest;

import static com.example.loyalty.points.rest.MemberMergeTest.merge;
import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_BAD_REQUEST;
import static org.apache.http.HttpStatus.SC_CONFLICT;
import static org.apache.http.HttpStatus.SC_CREATED;
import static org.apache.http.HttpStatus.SC_FORBIDDEN;
import static org.apache.http.HttpStatus.SC_NOT_FOUND;
import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_UNPROCESSABLE_ENTITY;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.events.EventEnvelope;
import com.example.loyalty.events.EventJson;
import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.MembershipChanged;
import com.example.loyalty.events.Topics;
import com.example.loyalty.points.PointsDb;
import com.example.loyalty.points.domain.Member;
import com.example.loyalty.points.repository.MemberRepository;
import com.example.loyalty.points.service.PaidMemberships;
import com.example.loyalty.testing.Concurrently;
import com.example.loyalty.testing.contract.SendsInvalidRequests;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Paid membership through REST on the real database: plans, start, renewal, cancellation, lapse, events, audit. */
@QuarkusTest
class PaidMembershipResourceTest {

    static final String PLANS = "/api/points/membership-plans";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PaidMemberships memberships;

    @Inject
    MemberRepository members;

    PointsDb db() {
        return new PointsDb(dataSource);
    }

    static String newCode() {
        return "P"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    }

    static Map<String, Object> plan(String code) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("name", "Premium " + code);
        body.put("price", 980);
        body.put("currency", "JPY");
        body.put("period", "MONTH");
        body.put("multiplier", 1.5);
        body.put("perks", List.of("free delivery", "members' lounge"));
        return body;
    }

    static ValidatableResponse createPlan(String token, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(PLANS)
                .then();
    }

    static String newPlan() {
        String code = newCode();
        createPlan(PointsApi.MARKETER, plan(code)).statusCode(SC_CREATED);
        return code;
    }

    static ValidatableResponse call(String token, String memberId, String action, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/points/members/" + memberId + "/membership/" + action)
                .then();
    }

    static Map<String, Object> payment(String plan, String paymentId, Instant periodEnd) {
        Map<String, Object> body = new HashMap<>();
        if (plan != null) {
            body.put("plan", plan);
        }
        body.put("paymentId", paymentId);
        if (periodEnd != null) {
            body.put("periodEnd", periodEnd.toString());
        }
        return body;
    }

    @SendsInvalidRequests("multipliers out of range or with too many decimals, a price of 0, the period WEEK")
    @Test
    void plansAreValidatedAndOnlyMarketersAndAdminsManageThem() {
        String code = newCode();
        createPlan(PointsApi.enrolNewMember().token(), plan(code)).statusCode(SC_FORBIDDEN);
        createPlan(PointsApi.STAFF, plan(code)).statusCode(SC_FORBIDDEN);
        for (Object bad : List.of(0, -1, 10.001, 11, 1.2345)) {
            Map<String, Object> body = plan(code);
            body.put("multiplier", bad);
            createPlan(PointsApi.MARKETER, body).statusCode(SC_BAD_REQUEST);
        }
        Map<String, Object> free = plan(code);
        free.put("price", 0);
        createPlan(PointsApi.MARKETER, free).statusCode(SC_BAD_REQUEST);
        Map<String, Object> weekly = plan(code);
        weekly.put("period", "WEEK");
        createPlan(PointsApi.MARKETER, weekly).statusCode(SC_BAD_REQUEST);
        Map<String, Object> unknownCurrency = plan(code);
        unknownCurrency.put("currency", "XYZ");
        createPlan(PointsApi.MARKETER, unknownCurrency).statusCode(SC_UNPROCESSABLE_ENTITY);
        assertEquals(0, db().number("select count(*) from membership_plan where code = ?", code));

        Map<String, Object> body = plan(code.toLowerCase());
        body.put("multiplier", 10);
        String id = createPlan(PointsApi.MARKETER, body)
                .statusCode(SC_CREATED)
                .body("code", equalTo(code))
                .body("price", equalTo(980))
                .body("period", equalTo("MONTH"))
                .body("multiplier", equalTo(10.0f))
                .body("perks", equalTo(List.of("free delivery", "members' lounge")))
                .body("active", equalTo(true))
                .extract()
                .path("id");
        createPlan(PointsApi.ADMIN, plan(code)).statusCode(SC_CONFLICT);
        given().auth()
                .oauth2(PointsApi.enrolNewMember().token())
                .when()
                .get(PLANS)
                .then()
                .statusCode(SC_OK)
                .body("code", hasItem(code));

        // a change, then the retirement: each audited with before and after
        body.put("price", 1200);
        body.put("multiplier", 1.25);
        given().auth()
                .oauth2(PointsApi.ADMIN)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .put(PLANS + "/" + id)
                .then()
                .statusCode(SC_OK)
                .body("price", equalTo(1200))
                .body("multiplier", equalTo(1.25f));
        body.put("code", "OTHER" + code);
        given().auth()
                .oauth2(PointsApi.ADMIN)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .put(PLANS + "/" + id)
                .then()
                .statusCode(SC_UNPROCESSABLE_ENTITY);
        body.put("code", code);
        body.put("active", false);
        given().auth()
                .oauth2(PointsApi.MARKETER)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .put(PLANS + "/" + id)
                .then()
                .statusCode(SC_OK)
                .body("active", equalTo(false));
        assertEquals(
                List.of("MEMBERSHIP_PLAN_CREATED", "MEMBERSHIP_PLAN_CHANGED", "MEMBERSHIP_PLAN_RETIRED"),
                db().strings(
                                "select action from audit_entry where target_type = 'MEMBERSHIP_PLAN' and target_id = ? "
                                        + "order by at, seq",
                                id));
        assertEquals(
                "1200",
                db().string(
                                "select after->>'price' from audit_entry where target_id = ? and action = "
                                        + "'MEMBERSHIP_PLAN_CHANGED'",
                                id));
        // retired: members and staff no longer see it, and no membership starts on it
        given().auth()
                .oauth2(PointsApi.STAFF)
                .when()
                .get(PLANS)
                .then()
                .statusCode(SC_OK)
                .body("code", not(hasItem(code)));
        given().auth().oauth2(PointsApi.MARKETER).when().get(PLANS).then().body("code", hasItem(code));
        var member = PointsApi.enrolNewMember();
        call(PointsApi.STAFF, member.id(), "start", payment(code, "pay-" + UUID.randomUUID(), null))
                .statusCode(SC_UNPROCESSABLE_ENTITY)
                .body("type", equalTo("https://loyalty.example.com/problems/plan-retired"));
    }

    @Test
    void startRenewAndCancelAreReplaysByPaymentIdAndPublishTheirEvents() {
        String code = newPlan();
        var member = PointsApi.enrolNewMember();
        String pay1 = "pay-" + UUID.randomUUID();
        Instant before = Instant.now();

        // members cannot record memberships, nor read another's
        call(member.token(), member.id(), "start", payment(code, pay1, null)).statusCode(SC_FORBIDDEN);
        given().auth()
                .oauth2(member.token())
                .when()
                .get("/api/points/members/" + member.id() + "/membership")
                .then()
                .statusCode(SC_FORBIDDEN);
        given().auth()
                .oauth2(member.token())
                .when()
                .get("/api/points/members/me/membership")
                .then()
                .statusCode(SC_NOT_FOUND);

        var started = call(PointsApi.STAFF, member.id(), "start", payment(code, pay1, null))
                .statusCode(SC_CREATED)
                .body("status", equalTo("ACTIVE"))
                .body("plan.code", equalTo(code))
                .body("replayed", equalTo(false))
                .extract()
                .jsonPath();
        Instant end1 = Instant.parse(started.getString("currentPeriodEnd"));
        Instant start1 = Instant.parse(started.getString("currentPeriodStart"));
        // by default one calendar month in the program's zone
        assertEquals(
                start1.atZone(ZoneId.of("Asia/Tokyo")).plusMonths(1).toInstant(), end1, "one month after the start");
        assertTrue(!start1.isBefore(before.truncatedTo(ChronoUnit.MILLIS).minusSeconds(1)));

        // the same start again: a replay; the payment id for a renewal or another member: 409
        call(PointsApi.ADMIN, member.id(), "start", payment(code, pay1, null))
                .statusCode(SC_OK)
                .body("replayed", equalTo(true))
                .body("currentPeriodEnd", equalTo(started.getString("currentPeriodEnd")));
        call(PointsApi.STAFF, member.id(), "renew", payment(null, pay1, null))
                .statusCode(SC_CONFLICT)
                .body("type", equalTo("https://loyalty.example.com/problems/payment-id-reused"));
        var other = PointsApi.enrolNewMember();
        call(PointsApi.STAFF, other.id(), "start", payment(code, pay1, null)).statusCode(SC_CONFLICT);
        // a second start while it runs: renew instead
        call(PointsApi.STAFF, member.id(), "start", payment(code, "pay-" + UUID.randomUUID(), null))
                .statusCode(SC_CONFLICT)
                .body("type", equalTo("https://loyalty.example.com/problems/membership-running"));

        // renewal: continues from the period end, to the provider's end
        Instant end2 = end1.plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
        String pay2 = "pay-" + UUID.randomUUID();
        call(PointsApi.STAFF, member.id(), "renew", payment(null, pay2, end1.minusSeconds(1)))
                .statusCode(SC_UNPROCESSABLE_ENTITY);
        call(PointsApi.STAFF, member.id(), "renew", payment(null, pay2, end2))
                .statusCode(SC_OK)
                .body("replayed", equalTo(false))
                .body("currentPeriodStart", equalTo(started.getString("currentPeriodEnd")))
                .body("currentPeriodEnd", equalTo(end2.toString()));
        call(PointsApi.STAFF, member.id(), "renew", payment(null, pay2, end2))
                .statusCode(SC_OK)
                .body("replayed", equalTo(true));

        // cancellation: paid to the end, so still a member with the plan's perks
        given().auth()
                .oauth2(PointsApi.STAFF)
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "moving abroad"))
                .when()
                .post("/api/points/members/" + member.id() + "/membership/cancel")
                .then()
                .statusCode(SC_OK)
                .body("status", equalTo("CANCELLED"))
                .body("replayed", equalTo(false));
        given().auth()
                .oauth2(PointsApi.STAFF)
                .contentType(ContentType.JSON)
                .when()
                .post("/api/points/members/" + member.id() + "/membership/cancel")
                .then()
                .statusCode(SC_OK)
                .body("replayed", equalTo(true));
        given().auth()
                .oauth2(member.token())
                .when()
                .get("/api/points/members/me/membership")
                .then()
                .statusCode(SC_OK)
                .body("status", equalTo("CANCELLED"))
                .body("currentPeriodEnd", equalTo(end2.toString()))
                .body("plan.perks", hasItem("free delivery"))
                .body("plan.multiplier", equalTo(1.5f));

        List<MembershipChanged> events = events(member.id());
        assertEquals(
                List.of(MembershipChanged.STARTED, MembershipChanged.RENEWED, MembershipChanged.CANCELLED),
                events.stream().map(MembershipChanged::change).toList());
        assertEquals(pay2, events.get(1).paymentId());
        assertEquals(end2, events.get(1).periodEnd());
        assertEquals(980, events.get(0).price());
        assertTrue(events.get(2).cancelled());
        assertEquals(2, db().number("select count(*) from membership_period where member_id = ?", uuid(member.id())));
        assertEquals(
                3,
                db().number(
                                "select count(*) from audit_entry where action = 'MEMBERSHIP_CHANGED' and target_id = ?",
                                member.id()));
        assertEquals(0, events(other.id()).size());
    }

    @Test
    void racingCallsForOneMemberOrOnePaymentNeverStartTwiceNorPayTwice() throws Exception {
        String code = newPlan();
        var member = PointsApi.enrolNewMember();
        // ten starts with different payments at once: one membership, nine 409s
        List<Callable<Integer>> starts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String pay = "pay-" + UUID.randomUUID();
            starts.add(() -> call(PointsApi.STAFF, member.id(), "start", payment(code, pay, null))
                    .extract()
                    .statusCode());
        }
        List<Integer> statuses = Concurrently.run(starts);
        assertEquals(1, statuses.stream().filter(s -> s == SC_CREATED).count(), statuses.toString());
        assertEquals(9, statuses.stream().filter(s -> s == SC_CONFLICT).count(), statuses.toString());
        // one renewal sent ten times at once: paid once, the others replays
        String pay = "pay-" + UUID.randomUUID();
        List<Callable<Boolean>> renewals = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            renewals.add(() -> call(PointsApi.STAFF, member.id(), "renew", payment(null, pay, null))
                    .statusCode(SC_OK)
                    .extract()
                    .<Boolean>path("replayed"));
        }
        assertEquals(9, Concurrently.run(renewals).stream().filter(r -> r).count());
        assertEquals(2, db().number("select count(*) from membership_period where member_id = ?", uuid(member.id())));
        assertEquals(List.of(MembershipChanged.STARTED, MembershipChanged.RENEWED), changes(member.id()));
        // one payment id for five members at once: one start, four 409s
        String shared = "pay-" + UUID.randomUUID();
        List<Callable<Integer>> others = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            var other = PointsApi.enrolNewMember();
            others.add(() -> call(PointsApi.STAFF, other.id(), "start", payment(code, shared, null))
                    .extract()
                    .statusCode());
        }
        List<Integer> shares = Concurrently.run(others);
        assertEquals(1, shares.stream().filter(s -> s == SC_CREATED).count(), shares.toString());
        assertEquals(4, shares.stream().filter(s -> s == SC_CONFLICT).count(), shares.toString());
    }

    @Test
    void aMembershipLapsesAtItsPeriodEndAndTheJobAnnouncesItOnce() {
        String code = newPlan();
        var member = PointsApi.enrolNewMember();
        Instant end = Instant.now().plusMillis(1500).truncatedTo(ChronoUnit.MILLIS);
        call(PointsApi.STAFF, member.id(), "start", payment(code, "pay-" + UUID.randomUUID(), end))
                .statusCode(SC_CREATED)
                .body("status", equalTo("ACTIVE"));
        memberships.lapseDue(Instant.now()); // not due yet
        assertEquals(List.of(MembershipChanged.STARTED), changes(member.id()));

        // exact at once, computed from the period end: no job needed
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> given().auth()
                        .oauth2(member.token())
                        .when()
                        .get("/api/points/members/me/membership")
                        .then()
                        .statusCode(SC_OK)
                        .body("status", equalTo("LAPSED")));
        assertTrue(memberships.lapseDue(Instant.now()) >= 1);
        memberships.lapseDue(Instant.now());
        assertEquals(List.of(MembershipChanged.STARTED, MembershipChanged.LAPSED), changes(member.id()));
        MembershipChanged lapsed = events(member.id()).get(1);
        assertEquals(end, lapsed.periodEnd());
        assertFalse(lapsed.cancelled());

        // cancelling a lapsed membership: 409; renewing it restarts it now
        given().auth()
                .oauth2(PointsApi.STAFF)
                .contentType(ContentType.JSON)
                .when()
                .post("/api/points/members/" + member.id() + "/membership/cancel")
                .then()
                .statusCode(SC_CONFLICT);
        Instant restart = Instant.now();
        var renewed = call(PointsApi.ADMIN, member.id(), "renew", payment(null, "pay-" + UUID.randomUUID(), null))
                .statusCode(SC_OK)
                .body("status", equalTo("ACTIVE"))
                .extract()
                .jsonPath();
        assertTrue(!Instant.parse(renewed.getString("startedAt")).isBefore(restart.minusSeconds(1)));
        assertEquals(
                List.of(MembershipChanged.STARTED, MembershipChanged.LAPSED, MembershipChanged.RENEWED),
                changes(member.id()));
    }

    @Test
    void aRenewalAfterAnUnannouncedLapseAnnouncesTheLapseFirst() {
        String code = newPlan();
        var member = PointsApi.enrolNewMember();
        call(
                        PointsApi.STAFF,
                        member.id(),
                        "start",
                        payment(code, "pay-" + UUID.randomUUID(), Instant.now().plusMillis(300)))
                .statusCode(SC_CREATED);
        Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> "LAPSED"
                        .equals(given().auth()
                                .oauth2(PointsApi.STAFF)
                                .get("/api/points/members/" + member.id() + "/membership")
                                .path("status")));
        call(PointsApi.STAFF, member.id(), "start", payment(code, "pay-" + UUID.randomUUID(), null))
                .statusCode(SC_CREATED)
                .body("status", equalTo("ACTIVE"));
        assertEquals(
                List.of(MembershipChanged.STARTED, MembershipChanged.LAPSED, MembershipChanged.STARTED),
                changes(member.id()));
        // and the job has nothing left to announce for the member
        memberships.lapseDue(Instant.now());
        assertEquals(3, changes(member.id()).size());
    }

    @Test
    void theMultiplierIsTheOneOfThePeriodThatCoveredTheTime() {
        String code = newCode();
        Map<String, Object> body = plan(code);
        body.put("multiplier", 2);
        String planId = createPlan(PointsApi.MARKETER, body)
                .statusCode(SC_CREATED)
                .extract()
                .path("id");
        var member = PointsApi.enrolNewMember();
        UUID memberId = uuid(member.id());
        Instant before = Instant.now();
        var started = call(PointsApi.STAFF, member.id(), "start", payment(code, "pay-" + UUID.randomUUID(), null))
                .statusCode(SC_CREATED)
                .extract()
                .jsonPath();
        Instant start = Instant.parse(started.getString("currentPeriodStart"));
        Instant end = Instant.parse(started.getString("currentPeriodEnd"));

        assertTrue(
                memberships.activeAt(member(memberId), before.minusSeconds(60)).isEmpty());
        var during =
                memberships.activeAt(member(memberId), start.plusSeconds(5)).orElseThrow();
        assertEquals(code, during.planCode());
        assertEquals(0, new BigDecimal("2").compareTo(during.multiplier()));
        assertTrue(memberships.activeAt(member(memberId), end).isEmpty(), "the end is not covered");

        // a new multiplier applies to periods paid from then on
        body.put("multiplier", 3);
        given().auth()
                .oauth2(PointsApi.MARKETER)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .put(PLANS + "/" + planId)
                .then()
                .statusCode(SC_OK);
        call(PointsApi.STAFF, member.id(), "renew", payment(null, "pay-" + UUID.randomUUID(), null))
                .statusCode(SC_OK);
        assertEquals(
                0,
                new BigDecimal("2")
                        .compareTo(memberships
                                .activeAt(member(memberId), start.plusSeconds(5))
                                .orElseThrow()
                                .multiplier()));
        assertEquals(
                0,
                new BigDecimal("3")
                        .compareTo(memberships
                                .activeAt(member(memberId), end.plusSeconds(5))
                                .orElseThrow()
                                .multiplier()));
        // cancelled: still covered to the period end
        given().auth()
                .oauth2(PointsApi.STAFF)
                .contentType(ContentType.JSON)
                .when()
                .post("/api/points/members/" + member.id() + "/membership/cancel")
                .then()
                .statusCode(SC_OK);
        assertTrue(memberships.activeAt(member(memberId), end.plusSeconds(5)).isPresent());
    }

    @Test
    void aPurchaseInAPaidPeriodEarnsThePlansMultiplierOnTopOfTheTiers() {
        String code = newCode();
        Map<String, Object> body = plan(code);
        body.put("multiplier", 2);
        createPlan(PointsApi.MARKETER, body).statusCode(SC_CREATED);
        var member = PointsApi.enrolNewMember();
        // 10,000 JPY at the first tier (x1): 100 points without the membership
        Map<String, Object> simulate =
                Map.of("cardCode", member.cardCode(), "amount", 10_000, "currency", "JPY", "channel", "STORE");
        long without = given().auth()
                .oauth2(PointsApi.STAFF)
                .contentType(ContentType.JSON)
                .body(simulate)
                .when()
                .post("/api/points/rules/simulate")
                .then()
                .statusCode(SC_OK)
                .extract()
                .jsonPath()
                .getLong("points");
        call(PointsApi.STAFF, member.id(), "start", payment(code, "pay-" + UUID.randomUUID(), null))
                .statusCode(SC_CREATED);

        var simulated = given().auth()
                .oauth2(PointsApi.STAFF)
                .contentType(ContentType.JSON)
                .body(simulate)
                .when()
                .post("/api/points/rules/simulate")
                .then()
                .statusCode(SC_OK)
                .body("steps.kind", hasItem("BOOST"))
                .body("steps.find { it.kind == 'BOOST' }.name", equalTo("PAID_MEMBERSHIP: Premium " + code))
                .extract()
                .jsonPath();
        assertEquals(2 * without, simulated.getLong("points"));
        PointsApi.purchase("paid-" + UUID.randomUUID(), member.cardCode(), 10_000)
                .statusCode(SC_CREATED)
                .body("pointsEarned", equalTo((int) (2 * without)));
    }

    @SendsInvalidRequests("a payment without a plan code, an empty paymentId, malformed JSON")
    @Test
    void unknownMembersPlansAndMissingMembershipsAreProblems() {
        String code = newPlan();
        var member = PointsApi.enrolNewMember();
        String unknown = UUID.randomUUID().toString();
        call(PointsApi.STAFF, unknown, "start", payment(code, "pay-" + UUID.randomUUID(), null))
                .statusCode(SC_NOT_FOUND);
        call(PointsApi.STAFF, member.id(), "start", payment("NO-SUCH-PLAN", "pay-" + UUID.randomUUID(), null))
                .statusCode(SC_UNPROCESSABLE_ENTITY);
        call(PointsApi.STAFF, member.id(), "start", payment(null, "pay-" + UUID.randomUUID(), null))
                .statusCode(SC_BAD_REQUEST);
        call(PointsApi.STAFF, member.id(), "start", payment(code, "", null)).statusCode(SC_BAD_REQUEST);
        call(
                        PointsApi.STAFF,
                        member.id(),
                        "start",
                        payment(code, "pay-" + UUID.randomUUID(), Instant.now().minusSeconds(5)))
                .statusCode(SC_UNPROCESSABLE_ENTITY);
        call(
                        PointsApi.STAFF,
                        member.id(),
                        "start",
                        payment(code, "pay-" + UUID.randomUUID(), Instant.now().plus(Duration.ofDays(400))))
                .statusCode(SC_UNPROCESSABLE_ENTITY);
        call(PointsApi.STAFF, member.id(), "renew", payment(null, "pay-" + UUID.randomUUID(), null))
                .statusCode(SC_NOT_FOUND)
                .body("type", equalTo("https://loyalty.example.com/problems/no-membership"));
        given().auth()
                .oauth2(PointsApi.STAFF)
                .contentType(ContentType.JSON)
                .when()
                .post("/api/points/members/" + member.id() + "/membership/cancel")
                .then()
                .statusCode(SC_NOT_FOUND);
        given().auth()
                .oauth2(PointsApi.STAFF)
                .contentType(ContentType.JSON)
                .body("{\"reason\": 5")
                .when()
                .post("/api/points/members/" + member.id() + "/membership/cancel")
                .then()
                .statusCode(SC_BAD_REQUEST);
        assertEquals(0, events(member.id()).size());
        assertEquals(0, db().number("select count(*) from membership_period where member_id = ?", uuid(member.id())));
    }

    @Test
    void aMergeKeepsTheMembershipPaidToTheLaterEndAndErasureKeepsTheMembership() {
        String code = newPlan();
        var survivor = PointsApi.enrolNewMember();
        var merged = PointsApi.enrolNewMember();
        call(
                        PointsApi.STAFF,
                        survivor.id(),
                        "start",
                        payment(code, "pay-" + UUID.randomUUID(), Instant.now().plus(Duration.ofDays(3))))
                .statusCode(SC_CREATED);
        Instant later = Instant.now().plus(Duration.ofDays(20)).truncatedTo(ChronoUnit.SECONDS);
        call(PointsApi.STAFF, merged.id(), "start", payment(code, "pay-" + UUID.randomUUID(), later))
                .statusCode(SC_CREATED);
        merge(survivor.id(), Map.of("mergedMemberId", merged.id())).statusCode(SC_OK);
        given().auth()
                .oauth2(PointsApi.STAFF)
                .when()
                .get("/api/points/members/" + survivor.id() + "/membership")
                .then()
                .statusCode(SC_OK)
                .body("currentPeriodEnd", equalTo(later.toString()));
        assertEquals(2, db().number("select count(*) from membership_period where member_id = ?", uuid(survivor.id())));
        assertEquals(0, db().number("select count(*) from paid_membership where member_id = ?", uuid(merged.id())));
    }

    @Test
    void aMergedMembersPaidPeriodCoversTheSurvivorsPurchases() {
        String code = newPlan();
        var survivor = PointsApi.enrolNewMember();
        var merged = PointsApi.enrolNewMember();
        assertTrue(
                memberships.activeAt(member(uuid(survivor.id())), Instant.now()).isEmpty());
        Instant end = Instant.now().plus(Duration.ofDays(20)).truncatedTo(ChronoUnit.SECONDS);
        call(PointsApi.STAFF, merged.id(), "start", payment(code, "pay-" + UUID.randomUUID(), end))
                .statusCode(SC_CREATED);
        assertTrue(member(uuid(merged.id())).paidPeriods, "the member row says a period was paid");
        assertFalse(member(uuid(survivor.id())).paidPeriods);

        merge(survivor.id(), Map.of("mergedMemberId", merged.id())).statusCode(SC_OK);

        Member after = member(uuid(survivor.id()));
        assertTrue(after.paidPeriods, "the survivor has the merged member's period now");
        assertEquals(
                code, memberships.activeAt(after, Instant.now()).orElseThrow().planCode());
    }

    /** The member as stored now (what an earn reads and locks). */
    private Member member(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> members.findById(id));
    }

    private List<String> changes(String memberId) {
        return events(memberId).stream().map(MembershipChanged::change).toList();
    }

    private List<MembershipChanged> events(String memberId) {
        List<MembershipChanged> events = new ArrayList<>();
        for (String payload : db().strings(
                        "select payload from outbox_event where message_key = ? and event_type = ? and topic = ? "
                                + "order by seq",
                        memberId,
                        EventTypes.MEMBERSHIP_CHANGED,
                        Topics.LOYALTY_TRANSACTIONS)) {
            EventEnvelope envelope = EventJson.read(payload);
            assertEquals(memberId, envelope.memberId());
            events.add(EventJson.payload(envelope, MembershipChanged.class));
        }
        return events;
    }

    static UUID uuid(String id) {
        return UUID.fromString(id);
    }
}
