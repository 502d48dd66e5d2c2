package com.example.loyalty.community.rest;

import static com.example.loyalty.community.CommunityFixtures.ADMIN;
import static com.example.loyalty.community.CommunityFixtures.MARKETER;
import static com.example.loyalty.community.CommunityFixtures.STAFF;
import static com.example.loyalty.community.CommunityFixtures.ban;
import static com.example.loyalty.community.CommunityFixtures.profile;
import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_BAD_REQUEST;
import static org.apache.http.HttpStatus.SC_CONFLICT;
import static org.apache.http.HttpStatus.SC_CREATED;
import static org.apache.http.HttpStatus.SC_FORBIDDEN;
import static org.apache.http.HttpStatus.SC_NOT_FOUND;
import static org.apache.http.HttpStatus.SC_NO_CONTENT;
import static org.apache.http.HttpStatus.SC_OK;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.loyalty.community.CommunityApi.Member;
import com.example.loyalty.community.CommunityFixtures;
import com.example.loyalty.testing.contract.ContractValidation;
import com.example.loyalty.testing.contract.SendsInvalidRequests;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AmbassadorResourceTest {

    private static final String AMBASSADORS = "/api/community/ambassadors";

    @Inject
    AgroalDataSource dataSource;

    CommunityFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new CommunityFixtures(dataSource);
    }

    @Test
    void aMarketerDesignatesAndRevokesAnAmbassadorAudited() {
        Member member = fixtures.member(150);
        designate(MARKETER, member.memberId(), "helps everyone")
                .statusCode(SC_CREATED)
                .body("memberId", equalTo(member.memberId().toString()))
                .body("displayName", equalTo(member.displayName()))
                .body("rank.code", equalTo("CONTRIBUTOR"))
                .body("since", notNullValue());
        profile(member.token())
                .body("ambassador", equalTo(true))
                .body("ambassadorSince", notNullValue())
                .body("badges.code", hasItem("AMBASSADOR"));
        given().auth()
                .oauth2(member.token())
                .when()
                .get(AMBASSADORS)
                .then()
                .statusCode(SC_OK)
                .body("memberId", hasItem(member.memberId().toString()));
        designate(ADMIN, member.memberId(), null)
                .statusCode(SC_CONFLICT)
                .contentType("application/problem+json")
                .body("type", endsWith("/already-ambassador"));

        revoke(MARKETER, member.memberId()).statusCode(SC_NO_CONTENT);
        revoke(MARKETER, member.memberId())
                .statusCode(SC_NOT_FOUND)
                .contentType("application/problem+json")
                .body("type", endsWith("/not-an-ambassador"));
        profile(member.token()).body("ambassador", equalTo(false)).body("badges.code", not(hasItem("AMBASSADOR")));
        given().auth()
                .oauth2(STAFF)
                .when()
                .get(AMBASSADORS)
                .then()
                .statusCode(SC_OK)
                .body("memberId", not(hasItem(member.memberId().toString())));
        given().auth()
                .oauth2(ADMIN)
                .queryParam("target", "MEMBER:" + member.memberId())
                .when()
                .get("/api/community/moderation/actions")
                .then()
                .statusCode(SC_OK)
                .body("items.action", contains("REVOKE_AMBASSADOR", "DESIGNATE_AMBASSADOR"))
                .body("items[1].reason", equalTo("helps everyone"))
                .body("items[1].actor", equalTo(CommunityFixtures.MARKETER_SUBJECT));
    }

    @Test
    void onlyKnownUnbannedMembersBecomeAmbassadorsAndOnlyByMarketers() throws Exception {
        Member member = fixtures.member();
        designate(member.token(), member.memberId(), null).statusCode(SC_FORBIDDEN);
        designate(STAFF, member.memberId(), null).statusCode(SC_FORBIDDEN);
        revoke(member.token(), member.memberId()).statusCode(SC_FORBIDDEN);
        designate(MARKETER, UUID.randomUUID(), null)
                .statusCode(SC_NOT_FOUND)
                .body("type", endsWith("/member-not-found"));
        // no memberId, which the document requires
        ContractValidation.withoutRequestChecks(() -> given().auth()
                .oauth2(MARKETER)
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "no id"))
                .when()
                .post(AMBASSADORS)
                .then()
                .statusCode(SC_BAD_REQUEST));
        ban(ADMIN, member.memberId(), Map.of("reason", "spam")).statusCode(SC_OK);
        designate(MARKETER, member.memberId(), null).statusCode(SC_CONFLICT).body("type", endsWith("/member-banned"));
        profile(member.token()).body("ambassador", equalTo(false));
    }

    @Test
    void aBanEndsAnAmbassadorship() {
        Member member = fixtures.member();
        designate(MARKETER, member.memberId(), null).statusCode(SC_CREATED);
        ban(ADMIN, member.memberId(), Map.of("reason", "abuse")).statusCode(SC_OK);
        profile(member.token()).body("ambassador", equalTo(false)).body("banned", equalTo(true));
        assertEquals(
                1,
                fixtures.count(
                        "select count(*) from moderation_action where target_id = ? and action = 'REVOKE_AMBASSADOR'"
                                + " and reason = 'banned: abuse'",
                        member.memberId().toString()));
    }

    @Test
    void candidatesAreRankedByTheWindowsStandingContributions() {
        // a window of its own, in 2020, so other tests' contributions stay out
        Instant in = Instant.parse("2020-01-15T12:00:00Z");
        Member answerer = fixtures.member(); // 30 + 5 = 35, one accepted answer
        fixtures.contribution(answerer, "ACCEPTED_ANSWER", 30, in, false);
        fixtures.contribution(answerer, "POST", 5, in, false);
        Member reviewer = fixtures.member(); // 3 x 10 + 5 = 35, three reviews, no accepted answer
        for (int i = 0; i < 3; i++) {
            fixtures.contribution(reviewer, "REVIEW", 10, in.plusSeconds(i), false);
        }
        fixtures.contribution(reviewer, "POST", 5, in, false);
        Member poster = fixtures.member(); // 10 x 5 = 50
        for (int i = 0; i < 10; i++) {
            fixtures.contribution(poster, "POST", 5, in.plusSeconds(i), false);
        }
        Member banned = fixtures.member(); // 90, but banned
        for (int i = 0; i < 3; i++) {
            fixtures.contribution(banned, "ACCEPTED_ANSWER", 30, in.plusSeconds(i), false);
        }
        ban(ADMIN, banned.memberId(), Map.of("reason", "spam")).statusCode(SC_OK);
        Member revoked = fixtures.member(); // only revoked contributions
        fixtures.contribution(revoked, "ACCEPTED_ANSWER", 30, in, true);
        Member outside = fixtures.member(5000); // all before / at the end of the window
        fixtures.contribution(outside, "ACCEPTED_ANSWER", 30, Instant.parse("2019-12-31T23:59:59Z"), false);
        fixtures.contribution(outside, "ACCEPTED_ANSWER", 30, Instant.parse("2020-02-01T00:00:00Z"), false);
        designate(MARKETER, answerer.memberId(), null).statusCode(SC_CREATED);

        candidates(MARKETER, Map.of("from", "2020-01-01T00:00:00Z", "to", "2020-02-01T00:00:00Z", "limit", 10))
                .statusCode(SC_OK)
                .body("from", equalTo("2020-01-01T00:00:00Z"))
                .body("to", equalTo("2020-02-01T00:00:00Z"))
                .body(
                        "candidates.memberId",
                        contains(
                                poster.memberId().toString(),
                                answerer.memberId().toString(),
                                reviewer.memberId().toString()))
                .body("candidates.windowScore", contains(50, 35, 35))
                .body("candidates.acceptedAnswers", contains(0, 1, 0))
                .body("candidates.reviews", contains(0, 0, 3))
                .body("candidates.ambassador", contains(false, true, false))
                .body("candidates[1].displayName", equalTo(answerer.displayName()));
        candidates(ADMIN, Map.of("from", "2020-01-01T00:00:00Z", "to", "2020-02-01T00:00:00Z", "limit", 1))
                .statusCode(SC_OK)
                .body("candidates.memberId", contains(poster.memberId().toString()));
    }

    @Test
    @SendsInvalidRequests("asks for a limit of 0, to see it refused")
    void candidatesNeedAValidWindowAndAMarketer() {
        candidates(MARKETER, Map.of("from", "2020-02-01T00:00:00Z", "to", "2020-01-01T00:00:00Z"))
                .statusCode(SC_BAD_REQUEST)
                .contentType("application/problem+json")
                .body("type", endsWith("/invalid-window"));
        candidates(MARKETER, Map.of("from", "last week"))
                .statusCode(SC_BAD_REQUEST)
                .body("type", endsWith("/invalid-instant"));
        candidates(MARKETER, Map.of("limit", 0)).statusCode(SC_BAD_REQUEST);
        candidates(MARKETER, Map.of()).statusCode(SC_OK).body("candidates", notNullValue());
        candidates(STAFF, Map.of()).statusCode(SC_FORBIDDEN);
        candidates(fixtures.member().token(), Map.of()).statusCode(SC_FORBIDDEN);
    }

    private static ValidatableResponse designate(String token, UUID memberId, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("memberId", memberId.toString());
        if (reason != null) {
            body.put("reason", reason);
        }
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(AMBASSADORS)
                .then();
    }

    private static ValidatableResponse revoke(String token, UUID memberId) {
        return given().auth()
                .oauth2(token)
                .when()
                .delete(AMBASSADORS + "/{id}", memberId)
                .then();
    }

    private static ValidatableResponse candidates(String token, Map<String, ?> query) {
        return given().auth()
                .oauth2(token)
                .queryParams(query)
                .when()
                .get(AMBASSADORS + "/candidates")
                .then();
    }
}
