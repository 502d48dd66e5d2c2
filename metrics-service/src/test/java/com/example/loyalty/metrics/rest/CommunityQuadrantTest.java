package com.example.loyalty.metrics.rest;

import static com.example.loyalty.metrics.TestEvents.MARKETER;
import static com.example.loyalty.metrics.TestSurveys.nps;
import static com.example.loyalty.metrics.TestSurveys.response;
import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_OK;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.events.EventEnvelope;
import com.example.loyalty.metrics.TestCommunity;
import com.example.loyalty.metrics.TestEvents;
import com.example.loyalty.metrics.TestSurveys;
import com.example.loyalty.metrics.repository.MemberDirectoryRepository;
import com.example.loyalty.metrics.service.ActivityService;
import com.example.loyalty.metrics.service.CommunityEngagementService;
import com.example.loyalty.metrics.service.SurveyResponseService;
import com.example.loyalty.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Community engagement on the attitudinal side of the loyalty quadrant (defaults: attached from a score of 20 over 90
 * days), over a population in NOK (a currency no other test uses): P contributes (score 25) and never answered nor
 * bought; Q contributes (25) and buys often and much; R contributes (25) but answered as a detractor; S contributes
 * (25) and answered as a passive; U contributes a little (10); T contributed a lot, but 120 days ago.
 */
@QuarkusTest
class CommunityQuadrantTest {

    private static final String CURRENCY = "NOK";
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Inject
    ActivityService activities;

    @Inject
    SurveyResponseService surveys;

    @Inject
    CommunityEngagementService community;

    @Inject
    MemberDirectoryRepository directory;

    private final Map<String, String> ids = new HashMap<>();
    /** P's contributions, the first two of weight 10, the third of 5. */
    private final List<EventEnvelope> contributionsOfP = new ArrayList<>();

    @BeforeEach
    void population() {
        for (String m : List.of("P", "Q", "R", "S", "T", "U")) {
            ids.put(m, UUID.randomUUID().toString());
        }
        Instant now = Instant.now();
        List<EventEnvelope> contributions = new ArrayList<>();
        for (String m : List.of("P", "Q", "R", "S")) {
            List<EventEnvelope> own = List.of(
                    TestCommunity.post(ids.get(m), 10, now.minus(Duration.ofDays(30))),
                    TestCommunity.post(ids.get(m), 10, now.minus(Duration.ofDays(2))),
                    TestCommunity.post(ids.get(m), 5, now.minus(Duration.ofHours(1))));
            contributions.addAll(own);
            if (m.equals("P")) {
                contributionsOfP.addAll(own);
            }
        }
        contributions.add(TestCommunity.post(ids.get("U"), 10, now.minus(Duration.ofDays(1))));
        contributions.add(TestCommunity.post(ids.get("T"), 100, now.minus(Duration.ofDays(120))));
        community.applyAll(contributions);

        LocalDate today = LocalDate.now(TOKYO);
        List<EventEnvelope> purchases = new ArrayList<>();
        for (int d = 1; d <= 8; d++) {
            purchases.add(TestEvents.purchase(
                    ids.get("Q"),
                    50_000,
                    CURRENCY,
                    today.minusDays(d).atTime(12, 0).atZone(TOKYO).toInstant()));
        }
        activities.applyAll(purchases);
        UUID survey = UUID.randomUUID();
        TestSurveys.apply(
                surveys,
                response(survey, null, nps(3)).member(ids.get("R")),
                response(survey, null, nps(8)).member(ids.get("S")));
        given().auth()
                .oauth2(MARKETER)
                .queryParam("currency", CURRENCY)
                .when()
                .post("/api/metrics/rfm/recompute")
                .then()
                .statusCode(SC_OK);
    }

    @Test
    void anAttachedContributorIsAttitudinallyHighWithoutASurveyUnlessTheyAnsweredAsADetractor() {
        assertPlaced("P", "LATENT_FAN", "COMMUNITY");
        assertPlaced("Q", "KEEP_AND_REWARD", "COMMUNITY");
        assertPlaced("R", "FIX_EXPERIENCE", "SURVEY"); // the detractor answer wins
        assertPlaced("S", "LATENT_FAN", "COMMUNITY"); // a passive answer, tipped by the community
        assertPlaced("U", "UNKNOWN", null); // engaged, not attached: still to be asked

        String csv = quadrantCsv("latent-fan");
        assertTrue(
                csv.lines()
                        .anyMatch(
                                l -> l.equals(ids.get("P") + ",LATENT_FAN,Give a reason to act,,,,,,,,COMMUNITY,3,25")),
                csv);
        assertTrue(
                csv.lines()
                        .anyMatch(l -> l.startsWith(ids.get("S") + ",LATENT_FAN,Give a reason to act,NPS,8,")
                                && l.endsWith(",COMMUNITY,3,25")),
                csv);
        assertTrue(csv.lines().noneMatch(l -> l.startsWith(ids.get("Q") + ",")));
        assertTrue(
                quadrantCsv("keep-and-reward").lines().anyMatch(l -> l.startsWith(ids.get("Q") + ",KEEP_AND_REWARD")));
        assertTrue(quadrantCsv("fix-experience").lines().anyMatch(l -> l.startsWith(ids.get("R") + ",")));
        assertTrue(quadrantCsv("unknown").lines().anyMatch(l -> l.startsWith(ids.get("U") + ",UNKNOWN,Ask them,")));
        // T's engagement is older than the window: T is placed nowhere
        for (String q : List.of("keep-and-reward", "latent-fan", "temporary-fan", "fix-experience", "unknown")) {
            assertTrue(quadrantCsv(q).lines().noneMatch(l -> l.startsWith(ids.get("T"))), q);
        }

        JsonPath counts = given().auth()
                .oauth2(MARKETER)
                .queryParam("currency", CURRENCY)
                .when()
                .get("/api/metrics/quadrants")
                .then()
                .statusCode(SC_OK)
                .body("communityWindowDays", equalTo(90))
                .body("communityAttachedScore", equalTo(20))
                .extract()
                .jsonPath();
        assertEquals(
                counts.getLong("total"),
                counts.getList("quadrants.members", Long.class).stream()
                        .mapToLong(Long::longValue)
                        .sum());
    }

    @Test
    void aRevocationDropsAContributorBackBelowAttached() {
        assertPlaced("P", "LATENT_FAN", "COMMUNITY");
        EventEnvelope spam = contributionsOfP.get(0);
        community.applyAll(List.of(TestCommunity.revoked(ids.get("P"), TestCommunity.contributionId(spam), 10)));

        assertPlaced("P", "UNKNOWN", null);
        assertTrue(quadrantCsv("latent-fan").lines().noneMatch(l -> l.startsWith(ids.get("P"))));
        assertTrue(quadrantCsv("unknown")
                .lines()
                .anyMatch(l -> l.equals(ids.get("P") + ",UNKNOWN,Ask them,,,,,,,,,2,15")));
        profile("P")
                .body("community.contributions", equalTo(2))
                .body("community.score", equalTo(15))
                .body("community.attached", equalTo(false));
        // the same revocation again changes nothing
        community.applyAll(List.of(TestCommunity.revoked(ids.get("P"), TestCommunity.contributionId(spam), 10)));
        profile("P").body("community.score", equalTo(15));
    }

    @Test
    void theProfileShowsCommunityEngagementToTheBrandAndToTheMember() {
        profile("P")
                .body("memberId", equalTo(ids.get("P")))
                .body("rfm", nullValue())
                .body("quadrant.quadrant", equalTo("LATENT_FAN"))
                .body("quadrant.attitudeBasis", equalTo("COMMUNITY"))
                .body("quadrant.attitudeType", nullValue())
                .body("community.windowDays", equalTo(90))
                .body("community.contributions", equalTo(3))
                .body("community.score", equalTo(25))
                .body("community.attached", equalTo(true))
                .body("community.lastContributionAt", notNullValue());
        profile("R")
                .body("quadrant.quadrant", equalTo("FIX_EXPERIENCE"))
                .body("quadrant.attitudeBasis", equalTo("SURVEY"))
                .body("quadrant.attitudeScore", equalTo(3))
                .body("community.attached", equalTo(true));
        // a member known only by contributions outside the window still has a profile, and the last contribution
        profile("T")
                .body("quadrant.quadrant", equalTo("UNKNOWN"))
                .body("community.contributions", equalTo(0))
                .body("community.score", equalTo(0))
                .body("community.attached", equalTo(false))
                .body("community.lastContributionAt", notNullValue());

        String subject = "sub-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> directory.linkAll(Map.of(UUID.fromString(ids.get("P")), subject)));
        given().auth()
                .oauth2(TestTokens.token(subject, "member"))
                .when()
                .get("/api/metrics/members/me/profile")
                .then()
                .statusCode(SC_OK)
                .body("memberId", equalTo(ids.get("P")))
                .body("community.contributions", equalTo(3))
                .body("community.score", equalTo(25))
                .body("community.windowDays", equalTo(90))
                .body("community", not(hasKey("attached")))
                .body("$", not(hasKey("quadrant")));
    }

    private void assertPlaced(String member, String quadrant, String basis) {
        profile(member).body("quadrant.quadrant", equalTo(quadrant)).body("quadrant.attitudeBasis", equalTo(basis));
    }

    private io.restassured.response.ValidatableResponse profile(String member) {
        return given().auth()
                .oauth2(MARKETER)
                .queryParam("currency", CURRENCY)
                .when()
                .get("/api/metrics/members/{id}/profile", ids.get(member))
                .then()
                .statusCode(SC_OK);
    }

    private static String quadrantCsv(String quadrant) {
        return given().auth()
                .oauth2(MARKETER)
                .accept("text/csv")
                .queryParam("currency", CURRENCY)
                .when()
                .get("/api/metrics/quadrants/{name}/members", quadrant)
                .then()
                .statusCode(SC_OK)
                .extract()
                .asString();
    }
}
