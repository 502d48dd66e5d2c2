package com.example.loyalty.community.rest;

import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_BAD_REQUEST;
import static org.apache.http.HttpStatus.SC_FORBIDDEN;
import static org.apache.http.HttpStatus.SC_NOT_FOUND;
import static org.apache.http.HttpStatus.SC_OK;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.example.loyalty.community.support.ModerationFixtures;
import com.example.loyalty.community.support.ModerationFixtures.Member;
import com.example.loyalty.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AnalyticsResourceTest {

    private static final String ANALYTICS = "/api/community/analytics";
    private static final String MARKETER = TestTokens.token("marketer-analytics", "marketer");
    private static final String PROBLEM = "https://loyalty.example.com/problems/";

    @Inject
    ModerationFixtures fixtures;

    /** An instant given in Tokyo time. */
    private static Instant jst(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + "+09:00").toInstant();
    }

    private static ValidatableResponse analytics(String token, String from, String to, String space) {
        var request = given().auth().oauth2(token);
        if (from != null) {
            request = request.queryParam("from", from);
        }
        if (to != null) {
            request = request.queryParam("to", to);
        }
        if (space != null) {
            request = request.queryParam("space", space);
        }
        return request.when().get(ANALYTICS).then();
    }

    @Test
    void aWindowOfTokyoDaysCountsVisibleActivityOnly() {
        UUID space = fixtures.space("analytics " + UUID.randomUUID());
        UUID elsewhere = fixtures.space("elsewhere " + UUID.randomUUID());
        Member aiko = fixtures.member("Aiko", "GOLD");
        Member ben = fixtures.member("Ben", "GOLD");
        Member chie = fixtures.member("Chie", "GOLD");
        Member lurker = fixtures.member("Lurker", "GOLD");

        // 2025-03-01 00:30 in Tokyo is still 2025-02-28 in UTC: it counts on the 1st
        UUID p1 = fixtures.post(space, aiko.id(), "Grinders compared", "burr vs blade", jst("2025-03-01T00:30:00"));
        UUID p2 = fixtures.post(
                space, ben.id(), "QUESTION", "Best water?", "soft or hard", List.of(), jst("2025-03-01T10:00:00"));
        UUID p3 = fixtures.post(
                space, chie.id(), "QUESTION", "Decaf?", "any good ones", List.of(), jst("2025-03-02T23:30:00"));
        // outside the window, hidden, deleted or in another space: not counted
        fixtures.post(space, aiko.id(), "Too early", "x", jst("2025-02-28T23:59:00"));
        fixtures.post(space, aiko.id(), "Too late", "x", jst("2025-03-04T00:00:00"));
        UUID hidden = fixtures.post(space, lurker.id(), "Spam", "buy", jst("2025-03-01T12:00:00"));
        fixtures.set("post", hidden, "hidden_at", jst("2025-03-01T13:00:00"));
        UUID deleted = fixtures.post(
                space, lurker.id(), "QUESTION", "Deleted question", "x", List.of(), jst("2025-03-01T12:00:00"));
        fixtures.set("post", deleted, "deleted_at", jst("2025-03-01T13:00:00"));
        fixtures.post(elsewhere, lurker.id(), "Other space", "x", jst("2025-03-01T12:00:00"));

        // an answer 24 h after the question, accepted 30 h after it; a hidden comment and a reaction to it
        UUID answer = fixtures.comment(p2, aiko.id(), true, jst("2025-03-02T10:00:00"));
        fixtures.accept(p2, answer, jst("2025-03-02T16:00:00"));
        UUID hiddenComment = fixtures.comment(p1, lurker.id(), false, jst("2025-03-02T11:00:00"));
        fixtures.set("comment", hiddenComment, "hidden_at", jst("2025-03-02T11:30:00"));
        fixtures.reaction("COMMENT", hiddenComment, p1, lurker.id(), "LIKE", jst("2025-03-02T11:10:00"));
        fixtures.reaction("POST", p1, p1, chie.id(), "LIKE", jst("2025-03-02T12:00:00"));
        fixtures.reaction("POST", p1, p1, ben.id(), "THANKS", jst("2025-03-02T12:30:00"));
        fixtures.reaction("POST", hidden, hidden, lurker.id(), "LIKE", jst("2025-03-01T12:10:00"));

        // views: three viewers of p1 and one of p2 on the 1st (one of them 08:59 in Tokyo, the 28th in UTC)
        fixtures.view(p1, "v1", jst("2025-03-01T08:59:00"));
        fixtures.view(p1, "v2", jst("2025-03-01T09:00:00"));
        fixtures.view(p1, "v3", jst("2025-03-01T20:00:00"));
        fixtures.view(p2, "v1", jst("2025-03-01T21:00:00"));
        fixtures.view(hidden, "v1", jst("2025-03-01T12:05:00"));
        fixtures.view(p1, "v4", jst("2025-03-04T09:00:00"));

        // contributions in the space: revoked ones and those outside the window do not count
        fixtures.contributionRow(aiko.id(), "POST", space, 5, jst("2025-03-01T00:30:00"), false);
        fixtures.contributionRow(aiko.id(), "ANSWER", space, 10, jst("2025-03-02T10:00:00"), false);
        fixtures.contributionRow(aiko.id(), "ACCEPTED_ANSWER", space, 30, jst("2025-03-02T16:00:00"), false);
        fixtures.contributionRow(ben.id(), "POST", space, 5, jst("2025-03-01T10:00:00"), false);
        fixtures.contributionRow(chie.id(), "POST", space, 5, jst("2025-03-02T23:30:00"), false);
        fixtures.contributionRow(chie.id(), "REVIEW", space, 100, jst("2025-03-02T09:00:00"), true);
        fixtures.contributionRow(lurker.id(), "POST", space, 50, jst("2025-03-05T09:00:00"), false);
        fixtures.contributionRow(lurker.id(), "POST", elsewhere, 50, jst("2025-03-01T09:00:00"), false);

        analytics(MARKETER, "2025-03-01", "2025-03-03", space.toString())
                .statusCode(SC_OK)
                .body("from", equalTo("2025-03-01"))
                .body("to", equalTo("2025-03-03"))
                .body("spaceId", equalTo(space.toString()))
                .body("totals.posts", equalTo(3))
                .body("totals.comments", equalTo(1))
                .body("totals.reactions", equalTo(2))
                .body("totals.views", equalTo(4))
                .body("totals.activeMembers", equalTo(3))
                .body("daily.day", contains("2025-03-01", "2025-03-02", "2025-03-03"))
                .body("daily.posts", contains(2, 1, 0))
                .body("daily.comments", contains(0, 1, 0))
                .body("daily.reactions", contains(0, 2, 0))
                .body("daily.views", contains(4, 0, 0))
                .body("questions.asked", equalTo(2))
                .body("questions.answered", equalTo(1))
                .body("questions.answeredShare", equalTo(0.5f))
                .body("questions.medianHoursToFirstAnswer", equalTo(24.0f))
                .body("questions.medianHoursToAcceptedAnswer", equalTo(30.0f))
                .body("questions.unanswered.id", contains(p3.toString()))
                .body("questions.unanswered[0].title", equalTo("Decaf?"))
                .body("questions.unanswered[0].createdAt", equalTo("2025-03-02T14:30:00Z"))
                .body("topContentByViews.id", contains(p1.toString(), p2.toString()))
                .body("topContentByViews.views", contains(3, 1))
                .body("topContentByViews[0].title", equalTo("Grinders compared"))
                .body("topContentByReactions.id", contains(p1.toString()))
                .body("topContentByReactions[0].reactions", equalTo(2))
                .body("topContributors", hasSize(3))
                .body("topContributors[0].memberId", equalTo(aiko.id().toString()))
                .body("topContributors[0].displayName", equalTo("Aiko"))
                .body("topContributors[0].score", equalTo(45))
                .body("topContributors.score", contains(45, 5, 5));

        // one day only; the answer (on the 2nd) is outside, so the question asked on the 1st counts as answered
        analytics(MARKETER, "2025-03-01", "2025-03-01", space.toString())
                .statusCode(SC_OK)
                .body("daily", hasSize(1))
                .body("totals.posts", equalTo(2))
                .body("totals.activeMembers", equalTo(2))
                .body("questions.asked", equalTo(1))
                .body("questions.answered", equalTo(1))
                .body("questions.answeredShare", equalTo(1.0f));

        // no questions asked: no share rather than a made-up 0
        analytics(MARKETER, "2025-03-03", "2025-03-03", space.toString())
                .statusCode(SC_OK)
                .body("totals.posts", equalTo(0))
                .body("questions.asked", equalTo(0))
                .body("questions.answeredShare", nullValue())
                .body("questions.medianHoursToFirstAnswer", nullValue())
                .body("questions.unanswered", empty())
                .body("topContentByViews", empty())
                .body("topContributors", empty());
    }

    @Test
    void theWholeCommunityAndTheDefaultWindow() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        analytics(MARKETER, null, null, null)
                .statusCode(SC_OK)
                .body("to", equalTo(today.toString()))
                .body("from", equalTo(today.minusDays(29).toString()))
                .body("spaceId", nullValue())
                .body("daily", hasSize(30));
        UUID space = fixtures.space("today " + UUID.randomUUID());
        Member m = fixtures.member("Today", "GOLD");
        fixtures.post(space, m.id(), "Fresh", "x", Instant.now());
        analytics(TestTokens.token("admin-analytics", "admin"), null, null, space.toString())
                .statusCode(SC_OK)
                .body("totals.posts", equalTo(1))
                .body("daily[29].posts", equalTo(1))
                .body("daily[29].day", equalTo(today.toString()));
        // from alone: the 30 days from it
        analytics(MARKETER, "2025-01-01", null, null).statusCode(SC_OK).body("to", equalTo("2025-01-30"));
        // a whole (leap) year is allowed
        analytics(MARKETER, "2024-01-01", "2024-12-31", null).statusCode(SC_OK).body("daily", hasSize(366));
    }

    @Test
    void badWindowsAndSpacesAreProblemsAndMembersMayNotLook() {
        analytics(MARKETER, "2025-03-02", "2025-03-01", null)
                .statusCode(SC_BAD_REQUEST)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEM + "bad-window"));
        analytics(MARKETER, "2024-01-01", "2025-01-01", null)
                .statusCode(SC_BAD_REQUEST)
                .body("type", equalTo(PROBLEM + "bad-window"));
        analytics(MARKETER, "2025-02-30", null, null)
                .statusCode(SC_BAD_REQUEST)
                .body("type", equalTo(PROBLEM + "bad-date"));
        analytics(MARKETER, null, "yesterday", null).statusCode(SC_BAD_REQUEST);
        analytics(MARKETER, null, null, "nope").statusCode(SC_BAD_REQUEST).body("type", equalTo(PROBLEM + "bad-id"));
        analytics(MARKETER, null, null, UUID.randomUUID().toString())
                .statusCode(SC_NOT_FOUND)
                .body("type", equalTo(PROBLEM + "space-not-found"));
        analytics(TestTokens.newMember(), null, null, null).statusCode(SC_FORBIDDEN);
        analytics(TestTokens.token("staff-analytics", "staff"), null, null, null)
                .statusCode(SC_FORBIDDEN);
    }
}
