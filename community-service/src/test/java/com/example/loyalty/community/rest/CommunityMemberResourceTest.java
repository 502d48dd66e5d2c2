package com.example.loyalty.community.rest;

import static com.example.loyalty.community.CommunityFixtures.ADMIN;
import static com.example.loyalty.community.CommunityFixtures.ADMIN_SUBJECT;
import static com.example.loyalty.community.CommunityFixtures.MARKETER;
import static com.example.loyalty.community.CommunityFixtures.STAFF;
import static com.example.loyalty.community.CommunityFixtures.ban;
import static com.example.loyalty.community.CommunityFixtures.profile;
import static com.example.loyalty.community.CommunityFixtures.unban;
import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_BAD_REQUEST;
import static org.apache.http.HttpStatus.SC_CONFLICT;
import static org.apache.http.HttpStatus.SC_FORBIDDEN;
import static org.apache.http.HttpStatus.SC_NOT_FOUND;
import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_UNAUTHORIZED;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.example.loyalty.community.CommunityApi.Member;
import com.example.loyalty.community.CommunityFixtures;
import com.example.loyalty.testing.contract.ContractValidation;
import com.example.loyalty.testing.contract.SendsInvalidRequests;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CommunityMemberResourceTest {

    private static final String ME = "/api/community/members/me";

    @Inject
    AgroalDataSource dataSource;

    CommunityFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new CommunityFixtures(dataSource);
    }

    @Test
    void aNewMembersProfileStartsAtTheBottomOfTheLadder() {
        Member member = fixtures.member();
        profile(member.token())
                .statusCode(SC_OK)
                .contentType("application/json")
                .body("memberId", equalTo(member.memberId().toString()))
                .body("displayName", equalTo(member.displayName()))
                .body("tier", equalTo("REGULAR"))
                .body("score", equalTo(0))
                .body("rank.code", equalTo("NEWCOMER"))
                .body("rank.name", equalTo("Newcomer"))
                .body("nextRank.code", equalTo("MEMBER"))
                .body("nextRank.threshold", equalTo(20))
                .body("nextRank.pointsToGo", equalTo(20))
                .body("badges", empty())
                .body("ambassador", equalTo(false))
                .body("banned", equalTo(false))
                .body("contributions", empty());
    }

    @Test
    void badgesAndScoreComeFromStandingContributionsOnly() {
        Member member = fixtures.member();
        Instant t = Instant.parse("2026-03-01T10:00:00Z");
        fixtures.contribution(member, "POST", 5, t, false);
        fixtures.contribution(member, "ACCEPTED_ANSWER", 30, t.plusSeconds(10), false);
        fixtures.contribution(member, "REVIEW", 10, t.plusSeconds(20), false);
        fixtures.contribution(member, "REVIEW", 10, t.plusSeconds(30), false);
        // a third review, hidden by a moderator: no REVIEWER badge (3 needed), no score
        fixtures.contribution(member, "REVIEW", 10, t.plusSeconds(40), true);
        profile(member.token())
                .statusCode(SC_OK)
                .body("score", equalTo(55))
                .body("rank.code", equalTo("MEMBER"))
                .body("nextRank.code", equalTo("CONTRIBUTOR"))
                .body("nextRank.pointsToGo", equalTo(45))
                .body("badges.code", contains("FIRST_POST", "FIRST_ACCEPTED_ANSWER"))
                .body("badges[0].name", equalTo("First post"))
                .body("contributions", hasSize(5))
                .body("contributions.kind", contains("REVIEW", "REVIEW", "REVIEW", "ACCEPTED_ANSWER", "POST"))
                .body("contributions.revoked", contains(true, false, false, false, false))
                .body("contributions[0].occurredAt", equalTo("2026-03-01T10:00:40Z"));
        fixtures.contribution(member, "REVIEW", 10, t.plusSeconds(50), false);
        fixtures.contribution(member, "EVENT_ATTENDED", 20, t.plusSeconds(60), false);
        profile(member.token())
                .body("score", equalTo(85))
                .body("badges.code", contains("FIRST_POST", "FIRST_ACCEPTED_ANSWER", "REVIEWER", "EVENT_GOER"));
    }

    @Test
    void atTheTopThereIsNoNextRankAndTheProfileShowsTheLatestTen() {
        Member member = fixtures.member(5000);
        Instant t = Instant.parse("2026-04-01T00:00:00Z");
        for (int i = 0; i < 12; i++) {
            fixtures.contribution(member, "REACTION_RECEIVED", 1, t.plusSeconds(i), false);
        }
        profile(member.token())
                .body("score", equalTo(5012))
                .body("rank.code", equalTo("MASTER"))
                .body("nextRank", nullValue())
                .body("contributions", hasSize(10))
                .body("contributions[0].occurredAt", equalTo("2026-04-01T00:00:11Z"));
    }

    @Test
    void theProfileIsTheCallersOwnAndNeedsTheMemberRole() {
        profile(CommunityFixtures.unknownMember().token())
                .statusCode(SC_CONFLICT)
                .contentType("application/problem+json")
                .body("type", endsWith("/membership-pending"));
        profile(STAFF).statusCode(SC_FORBIDDEN).contentType("application/problem+json");
        profile(MARKETER).statusCode(SC_FORBIDDEN);
        given().when()
                .get(ME)
                .then()
                .statusCode(SC_UNAUTHORIZED)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
    }

    @Test
    void marketersAndAdminsSeeAnyMembersProfile() {
        Member member = fixtures.member(120);
        Member other = fixtures.member();
        for (String token : List.of(MARKETER, ADMIN)) {
            given().auth()
                    .oauth2(token)
                    .when()
                    .get("/api/community/members/{id}", member.memberId())
                    .then()
                    .statusCode(SC_OK)
                    .body("memberId", equalTo(member.memberId().toString()))
                    .body("score", equalTo(120))
                    .body("rank.code", equalTo("CONTRIBUTOR"))
                    .body("nextRank.pointsToGo", equalTo(180));
        }
        given().auth()
                .oauth2(other.token())
                .when()
                .get("/api/community/members/{id}", member.memberId())
                .then()
                .statusCode(SC_FORBIDDEN);
        given().auth()
                .oauth2(STAFF)
                .when()
                .get("/api/community/members/{id}", member.memberId())
                .then()
                .statusCode(SC_FORBIDDEN);
        given().auth()
                .oauth2(MARKETER)
                .when()
                .get("/api/community/members/{id}", UUID.randomUUID())
                .then()
                .statusCode(SC_NOT_FOUND)
                .contentType("application/problem+json")
                .body("type", endsWith("/member-not-found"));
    }

    @Test
    void theContributionHistoryPagesWithACursor() throws Exception {
        Member member = fixtures.member();
        Member other = fixtures.member();
        Instant t = Instant.parse("2026-05-01T00:00:00Z");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            // pairs at the same instant: the cursor must break ties
            ids.add(fixtures.contribution(member, "POST", 5, t.plusSeconds(i / 2), false)
                    .toString());
        }
        fixtures.contribution(other, "POST", 5, t, false);
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().auth().oauth2(member.token()).queryParam("limit", 10);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.when()
                    .get(ME + "/contributions")
                    .then()
                    .statusCode(SC_OK)
                    .extract();
            seen.addAll(page.jsonPath().getList("items.id", String.class));
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null && pages < 10);
        assertEquals(3, pages);
        assertEquals(25, seen.size());
        assertEquals(ids.stream().sorted().toList(), seen.stream().sorted().toList(), "each once, none of another's");
        given().auth()
                .oauth2(member.token())
                .queryParam("cursor", "not-a-cursor")
                .when()
                .get(ME + "/contributions")
                .then()
                .statusCode(SC_BAD_REQUEST)
                .contentType("application/problem+json")
                .body("type", endsWith("/invalid-cursor"));
        // a limit above the document's maximum
        ContractValidation.withoutRequestChecks(() -> given().auth()
                .oauth2(member.token())
                .queryParam("limit", 1000)
                .when()
                .get(ME + "/contributions")
                .then()
                .statusCode(SC_BAD_REQUEST));
    }

    @Test
    void anAdminBansAndUnbansAuditedWithAReason() {
        Member member = fixtures.member();
        ban(ADMIN, member.memberId(), Map.of("reason", "  spam links  "))
                .statusCode(SC_OK)
                .body("memberId", equalTo(member.memberId().toString()))
                .body("banned", equalTo(true))
                .body("bannedAt", notNullValue())
                .body("bannedBy", equalTo(ADMIN_SUBJECT))
                .body("reason", equalTo("spam links"));
        profile(member.token()).statusCode(SC_OK).body("banned", equalTo(true));
        ban(ADMIN, member.memberId(), Map.of("reason", "again"))
                .statusCode(SC_CONFLICT)
                .contentType("application/problem+json")
                .body("type", endsWith("/already-banned"));
        assertEquals(
                "spam links",
                fixtures.single("select ban_reason from community_member where member_id = ?", member.memberId()));

        unban(ADMIN, member.memberId(), Map.of("reason", "appeal granted"))
                .statusCode(SC_OK)
                .body("banned", equalTo(false))
                .body("bannedAt", nullValue());
        unban(ADMIN, member.memberId(), Map.of("reason", "again"))
                .statusCode(SC_CONFLICT)
                .body("type", endsWith("/not-banned"));
        profile(member.token()).body("banned", equalTo(false));
        assertNull(fixtures.single("select banned_at from community_member where member_id = ?", member.memberId()));

        given().auth()
                .oauth2(ADMIN)
                .queryParam("target", "MEMBER:" + member.memberId())
                .when()
                .get("/api/community/moderation/actions")
                .then()
                .statusCode(SC_OK)
                .body("items.action", contains("UNBAN_MEMBER", "BAN_MEMBER"))
                .body("items.actor", contains(ADMIN_SUBJECT, ADMIN_SUBJECT))
                .body("items.reason", contains("appeal granted", "spam links"))
                .body("items.targetType", contains("MEMBER", "MEMBER"))
                .body("items[0].at", notNullValue())
                .body("nextCursor", nullValue());
    }

    @Test
    @SendsInvalidRequests("bans and unbans without a reason, with a blank one, with one over 1000 characters")
    void badBansChangeNothing() {
        Member member = fixtures.member();
        ban(ADMIN, member.memberId(), Map.of()).statusCode(SC_BAD_REQUEST).contentType("application/problem+json");
        ban(ADMIN, member.memberId(), Map.of("reason", "   ")).statusCode(SC_BAD_REQUEST);
        ban(ADMIN, member.memberId(), Map.of("reason", "x".repeat(1001))).statusCode(SC_BAD_REQUEST);
        ban(MARKETER, member.memberId(), Map.of("reason", "spam")).statusCode(SC_FORBIDDEN);
        ban(STAFF, member.memberId(), Map.of("reason", "spam")).statusCode(SC_FORBIDDEN);
        ban(member.token(), member.memberId(), Map.of("reason", "spam")).statusCode(SC_FORBIDDEN);
        unban(ADMIN, member.memberId(), Map.of()).statusCode(SC_BAD_REQUEST);
        ban(ADMIN, UUID.randomUUID(), Map.of("reason", "spam"))
                .statusCode(SC_NOT_FOUND)
                .body("type", endsWith("/member-not-found"));
        unban(ADMIN, UUID.randomUUID(), Map.of("reason", "spam")).statusCode(SC_NOT_FOUND);
        profile(member.token()).body("banned", equalTo(false));
        assertEquals(
                0,
                fixtures.count(
                        "select count(*) from moderation_action where target_id = ?",
                        member.memberId().toString()));
    }

    @Test
    void theModerationLogPagesNewestFirstForAdminsOnly() {
        Member member = fixtures.member();
        for (int i = 0; i < 3; i++) {
            ban(ADMIN, member.memberId(), Map.of("reason", "ban " + i)).statusCode(SC_OK);
            unban(ADMIN, member.memberId(), Map.of("reason", "unban " + i)).statusCode(SC_OK);
        }
        List<String> reasons = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 3; page++) {
            var request = given().auth()
                    .oauth2(ADMIN)
                    .queryParam("target", "MEMBER:" + member.memberId())
                    .queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var answer = request.when()
                    .get("/api/community/moderation/actions")
                    .then()
                    .statusCode(SC_OK)
                    .body("items", hasSize(2))
                    .extract();
            reasons.addAll(answer.jsonPath().getList("items.reason", String.class));
            cursor = answer.path("nextCursor");
            if (page < 2) {
                assertNotNull(cursor);
            }
        }
        assertNull(cursor, "the last page says so");
        assertEquals(List.of("unban 2", "ban 2", "unban 1", "ban 1", "unban 0", "ban 0"), reasons);
        // without a target: everything, newest first
        given().auth()
                .oauth2(ADMIN)
                .when()
                .get("/api/community/moderation/actions")
                .then()
                .statusCode(SC_OK)
                .body("items", not(empty()));
        given().auth()
                .oauth2(ADMIN)
                .queryParam("target", "no-colon")
                .when()
                .get("/api/community/moderation/actions")
                .then()
                .statusCode(SC_BAD_REQUEST)
                .body("type", endsWith("/invalid-target"));
        given().auth()
                .oauth2(ADMIN)
                .queryParam("cursor", "abc")
                .when()
                .get("/api/community/moderation/actions")
                .then()
                .statusCode(SC_BAD_REQUEST)
                .body("type", endsWith("/invalid-cursor"));
        for (String token : List.of(MARKETER, STAFF, member.token())) {
            given().auth()
                    .oauth2(token)
                    .when()
                    .get("/api/community/moderation/actions")
                    .then()
                    .statusCode(SC_FORBIDDEN);
        }
    }

    @Test
    void theRankLadderIsForAnyoneSignedIn() {
        for (String token : List.of(fixtures.member().token(), STAFF, MARKETER, ADMIN)) {
            given().auth()
                    .oauth2(token)
                    .when()
                    .get("/api/community/ranks")
                    .then()
                    .statusCode(SC_OK)
                    .body("code", contains("NEWCOMER", "MEMBER", "CONTRIBUTOR", "EXPERT", "MASTER"))
                    .body("name", contains("Newcomer", "Member", "Contributor", "Expert", "Master"))
                    .body("threshold", contains(0, 20, 100, 300, 1000));
        }
        given().when().get("/api/community/ranks").then().statusCode(SC_UNAUTHORIZED);
    }
}
