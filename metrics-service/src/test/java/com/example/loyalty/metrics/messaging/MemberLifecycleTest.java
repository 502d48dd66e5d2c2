package com.example.loyalty.metrics.messaging;

import static com.example.loyalty.metrics.TestEvents.MARKETER;
import static com.example.loyalty.metrics.TestEvents.PATIENCE;
import static com.example.loyalty.metrics.TestSurveys.FOLLOW_UP;
import static com.example.loyalty.metrics.TestSurveys.FOLLOW_UPS;
import static com.example.loyalty.metrics.TestSurveys.nps;
import static com.example.loyalty.metrics.TestSurveys.response;
import static com.example.loyalty.metrics.TestSurveys.text;
import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_CONFLICT;
import static org.apache.http.HttpStatus.SC_NOT_FOUND;
import static org.apache.http.HttpStatus.SC_OK;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.example.loyalty.events.EventEnvelope;
import com.example.loyalty.events.EventJson;
import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.MemberEnrolled;
import com.example.loyalty.events.MemberErased;
import com.example.loyalty.events.MembersMerged;
import com.example.loyalty.events.Topics;
import com.example.loyalty.messaging.inbox.Inbox;
import com.example.loyalty.metrics.TestCommunity;
import com.example.loyalty.metrics.TestEvents;
import com.example.loyalty.metrics.TestSurveys;
import com.example.loyalty.metrics.repository.MemberDirectoryRepository;
import com.example.loyalty.metrics.service.ActivityService;
import com.example.loyalty.metrics.service.CommunityEngagementService;
import com.example.loyalty.metrics.service.MemberActivityView;
import com.example.loyalty.metrics.service.MemberLifecycleService;
import com.example.loyalty.metrics.service.SurveyResponseService;
import com.example.loyalty.testing.Concurrently;
import com.example.loyalty.testing.TestKafka;
import com.example.loyalty.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * member-events' MembersMerged and MemberErased through the real broker, against the real database: a merge moves
 * everything kept per member to the survivor (and events about the merged member read later follow it); an erasure
 * leaves tombstones where personal data was and keeps the anonymous figures. Money in PLN, a currency no other test
 * uses.
 */
@QuarkusTest
class MemberLifecycleTest {

    private static final String PLN = "PLN";
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Inject
    ActivityService activities;

    @Inject
    SurveyResponseService surveys;

    @Inject
    CommunityEngagementService community;

    @Inject
    MemberDirectoryRepository directory;

    @Inject
    EntityManager em;

    @Inject
    Inbox inbox;

    @Inject
    MemberLifecycleService lifecycle;

    @Test
    void aMergeMovesEverythingOfTheMergedMemberToTheSurvivor() {
        String survivor = TestEvents.newMemberId();
        String merged = TestEvents.newMemberId();
        String mergedLogin = "sub-" + merged;
        QuarkusTransaction.requiringNew().run(() -> directory.linkAll(java.util.Map.of(uuid(merged), mergedLogin)));
        activities.applyAll(List.of(
                TestEvents.purchaseAt(survivor, "S1", "T1-" + survivor, 1_000, PLN, daysAgo(20)),
                TestEvents.purchaseAt(survivor, "S1", "T2-" + survivor, 1_000, PLN, daysAgo(10)),
                TestEvents.purchaseAt(merged, "S2", "T1-" + merged, 5_000, PLN, daysAgo(3))));
        UUID survey = UUID.randomUUID();
        TestSurveys.apply(
                surveys,
                response(survey, null, nps(9)).member(survivor).at(Instant.parse("2026-03-10T03:00:00Z")),
                response(survey, null, nps(3)).member(merged).at(Instant.parse("2026-03-12T03:00:00Z")));
        community.applyAll(List.of(
                TestCommunity.post(survivor, 5, Instant.now().minusSeconds(3600)),
                TestCommunity.post(merged, 10, Instant.now().minusSeconds(7200))));
        recompute();
        assertEquals(1L, rfmMembers().stream().filter(merged::equals).count());

        send(merged(survivor, merged, "SILVER"));
        await().atMost(PATIENCE).until(() -> activityOf(merged).isEmpty());

        MemberActivityView a = activityOf(survivor).orElseThrow();
        assertEquals(3, a.purchaseCount());
        assertEquals(7_000, a.totalSpend());
        assertEquals("SILVER", a.tier());
        assertEquals(3L, count("select count(*) from member_purchase where member_id = ?1", survivor));
        assertEquals(0L, count("select count(*) from member_purchase where member_id = ?1", merged));
        assertEquals(2L, count("select count(*) from member_response where member_id = ?1", survivor));
        assertEquals(0L, count("select count(*) from member_attitude where member_id = ?1", merged));
        assertEquals(1L, count("select count(*) from follow_up where member_id = ?1", survivor)); // the 3's
        assertFalse(rfmMembers().contains(merged), "the merged member's scores are gone at once");

        recompute();
        JsonPath profile = profile(survivor).statusCode(SC_OK).extract().jsonPath();
        assertEquals(3, profile.getInt("rfm.frequency"));
        assertEquals(3, profile.getInt("rfm.recencyDays"));
        assertEquals(3, profile.getInt("quadrant.attitudeScore"), "the later answer, the merged member's");
        assertEquals(15, profile.getInt("community.score"));
        assertFalse(rfmMembers().contains(merged));
        profile(merged).statusCode(SC_NOT_FOUND);

        // events about the merged member read after the merge count for the survivor
        activities.applyAll(List.of(TestEvents.purchaseAt(merged, "S2", "T2-" + merged, 500, PLN, daysAgo(1))));
        community.applyAll(List.of(TestCommunity.post(merged, 4, Instant.now())));
        assertEquals(4, activityOf(survivor).orElseThrow().purchaseCount());
        assertEquals(7_500, activityOf(survivor).orElseThrow().totalSpend());
        assertEquals(Optional.empty(), activityOf(merged));
        assertEquals(19, profile(survivor).extract().jsonPath().getInt("community.score"));

        // the merged member's login shows the member it became
        given().auth()
                .oauth2(TestTokens.token(mergedLogin, "member"))
                .queryParam("currency", PLN)
                .when()
                .get("/api/metrics/members/me/profile")
                .then()
                .statusCode(SC_OK)
                .body("memberId", equalTo(survivor));

        // the same merge again changes nothing; a merge of the merged member into someone else is refused
        send(merged(survivor, merged, "SILVER"));
        String other = TestEvents.newMemberId();
        EventEnvelope contradiction = merged(other, merged, "GOLD");
        send(contradiction);
        assertEquals(
                1,
                TestKafka.read(
                                MemberEventsConsumer.DLQ,
                                r -> other.equals(r.key())
                                        && r.value()
                                                .contains(
                                                        contradiction.eventId().toString()),
                                1,
                                Duration.ofSeconds(60))
                        .size());
        assertEquals(4, activityOf(survivor).orElseThrow().purchaseCount());
        assertEquals(Optional.empty(), activityOf(other));
    }

    @Test
    void purchasesOfTheMergedMemberAppliedWhileTheMergeRunsAllEndUpWithTheSurvivor() throws Exception {
        for (int round = 0; round < 5; round++) {
            String survivor = TestEvents.newMemberId();
            String merged = TestEvents.newMemberId();
            activities.applyAll(List.of(TestEvents.purchaseAt(merged, "S1", "first-" + merged, 100, PLN, daysAgo(5))));
            List<Callable<Boolean>> calls = new ArrayList<>();
            calls.add(() -> QuarkusTransaction.requiringNew()
                    .call(() -> lifecycle.merge(uuid(merged), uuid(survivor), null, Instant.now())));
            for (int i = 0; i < 6; i++) {
                String receipt = "race-" + i + "-" + merged;
                calls.add(() -> {
                    activities.applyAll(List.of(TestEvents.purchaseAt(merged, "S1", receipt, 100, PLN, daysAgo(1))));
                    return true;
                });
            }
            Concurrently.run(calls);

            assertEquals(0L, count("select count(*) from member_purchase where member_id = ?1", merged));
            assertEquals(7L, count("select count(*) from member_purchase where member_id = ?1", survivor));
            assertEquals(Optional.empty(), activityOf(merged), "round " + round);
            assertEquals(7, activityOf(survivor).orElseThrow().purchaseCount(), "round " + round);
            assertEquals(700, activityOf(survivor).orElseThrow().totalSpend());
        }
    }

    @Test
    void anErasureLeavesTombstonesWherePersonalDataWasAndKeepsTheFigures() {
        String member = TestEvents.newMemberId();
        String login = "sub-erased-" + member;
        send(enrolled(member, login));
        await().atMost(PATIENCE).until(() -> directoryMemberOf(login).isPresent());
        activities.applyAll(List.of(TestEvents.purchaseAt(member, "S1", "T-" + member, 3_000, PLN, daysAgo(2))));
        UUID survey = UUID.randomUUID();
        TestSurveys.apply(
                surveys,
                response(survey, null, nps(2), text("why", "Call me on 090-1234-5678"))
                        .member(member));
        String item = followUps(survey).getString("items[0].id");
        given().auth()
                .oauth2(MARKETER)
                .contentType("application/json")
                .body("{\"status\": \"contacted\", \"note\": \"Spoke to Ms Tanaka\"}")
                .when()
                .patch(FOLLOW_UP, item)
                .then()
                .statusCode(SC_OK);

        send(EventJson.envelope(
                EventTypes.MEMBER_ERASED,
                MemberErased.SCHEMA_VERSION,
                Instant.now(),
                member,
                new MemberErased(Instant.now())));
        await().atMost(PATIENCE).until(() -> directoryMemberOf(login).isEmpty());

        JsonPath erased = followUps(survey);
        assertNull(erased.get("items[0].subject"));
        assertNull(erased.get("items[0].reason"));
        assertNull(erased.get("items[0].note"));
        assertEquals(uuid(member).toString(), erased.getString("items[0].memberId"));
        given().auth()
                .oauth2(MARKETER)
                .when()
                .get(FOLLOW_UP, item)
                .then()
                .statusCode(SC_OK)
                .body("erasedAt", notNullValue())
                .body("status", equalTo("contacted"));
        // no note about them any more; the item can still be closed
        given().auth()
                .oauth2(MARKETER)
                .contentType("application/json")
                .body("{\"note\": \"Called her again\"}")
                .when()
                .patch(FOLLOW_UP, item)
                .then()
                .statusCode(SC_CONFLICT)
                .body("type", equalTo("https://loyalty.example.com/problems/member-erased"));
        given().auth()
                .oauth2(MARKETER)
                .contentType("application/json")
                .body("{\"status\": \"resolved\"}")
                .when()
                .patch(FOLLOW_UP, item)
                .then()
                .statusCode(SC_OK)
                .body("note", nullValue());

        // their login finds nothing; the anonymous figures stay
        given().auth()
                .oauth2(TestTokens.token(login, "member"))
                .queryParam("currency", PLN)
                .when()
                .get("/api/metrics/members/me/profile")
                .then()
                .statusCode(SC_NOT_FOUND);
        assertEquals(3_000, activityOf(member).orElseThrow().totalSpend());
        TestSurveys.metrics(MARKETER, survey).statusCode(SC_OK).body("questions[0].n", equalTo(1));

        // what arrives late brings no personal data back: an enrolment links nothing, an answer opens an item
        // without the member's subject or words
        EventEnvelope lateEnrolment = enrolled(member, login);
        send(lateEnrolment);
        TestSurveys.apply(
                surveys,
                response(survey, null, nps(1), text("why", "Still me, Ms Tanaka"))
                        .member(member));
        JsonPath late = followUps(survey);
        assertEquals(2, late.getInt("total"));
        for (int i = 0; i < 2; i++) {
            assertNull(late.get("items[" + i + "].subject"));
            assertNull(late.get("items[" + i + "].reason"));
        }
        await().atMost(PATIENCE).until(() -> inbox.isProcessed(Topics.MEMBER_EVENTS, lateEnrolment.eventId()));
        assertEquals(Optional.empty(), directoryMemberOf(login));
    }

    private static EventEnvelope merged(String survivor, String merged, String tier) {
        return EventJson.envelope(
                EventTypes.MEMBERS_MERGED,
                MembersMerged.SCHEMA_VERSION,
                Instant.now(),
                survivor,
                new MembersMerged(merged, "8800000000009", 1_234, tier));
    }

    private static EventEnvelope enrolled(String member, String subject) {
        return EventJson.envelope(
                EventTypes.MEMBER_ENROLLED,
                MemberEnrolled.SCHEMA_VERSION,
                Instant.now(),
                member,
                new MemberEnrolled("8800000000001", "REGULAR", subject));
    }

    /** Sends it to member-events keyed by the envelope's member, as points-service's outbox relay does. */
    private static void send(EventEnvelope event) {
        TestKafka.send(Topics.MEMBER_EVENTS, event.memberId(), EventJson.write(event));
    }

    private static Instant daysAgo(int days) {
        return LocalDate.now(TOKYO).minusDays(days).atTime(12, 0).atZone(TOKYO).toInstant();
    }

    private static UUID uuid(String id) {
        return UUID.fromString(id);
    }

    /** The member's activity as committed; empty if the member has none. */
    private Optional<MemberActivityView> activityOf(String member) {
        if (count("select count(*) from member_activity where member_id = ?1", member) == 0) {
            return Optional.empty();
        }
        return Optional.of(QuarkusTransaction.requiringNew().call(() -> activities.activityOf(uuid(member))));
    }

    private Optional<UUID> directoryMemberOf(String subject) {
        return QuarkusTransaction.requiringNew().call(() -> directory.memberOf(subject));
    }

    private long count(String sql, String member) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery(sql)
                                .setParameter(1, uuid(member))
                                .getSingleResult())
                        .longValue());
    }

    private static void recompute() {
        given().auth()
                .oauth2(MARKETER)
                .queryParam("currency", PLN)
                .when()
                .post("/api/metrics/rfm/recompute")
                .then()
                .statusCode(SC_OK);
    }

    private static List<String> rfmMembers() {
        return given().auth()
                .oauth2(MARKETER)
                .queryParam("currency", PLN)
                .queryParam("size", 1000)
                .when()
                .get("/api/metrics/rfm/members")
                .then()
                .statusCode(SC_OK)
                .extract()
                .jsonPath()
                .getList("items.memberId");
    }

    private static io.restassured.response.ValidatableResponse profile(String member) {
        return given().auth()
                .oauth2(MARKETER)
                .queryParam("currency", PLN)
                .when()
                .get("/api/metrics/members/{id}/profile", member)
                .then();
    }

    private static JsonPath followUps(UUID survey) {
        return given().auth()
                .oauth2(MARKETER)
                .queryParam("surveyId", survey)
                .when()
                .get(FOLLOW_UPS)
                .then()
                .statusCode(SC_OK)
                .extract()
                .jsonPath();
    }
}
