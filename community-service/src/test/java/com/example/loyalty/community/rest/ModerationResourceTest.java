package com.example.loyalty.community.rest;

import static com.example.loyalty.community.CommunityApi.comment;
import static com.example.loyalty.community.CommunityApi.getPost;
import static com.example.loyalty.community.CommunityApi.newPost;
import static com.example.loyalty.community.CommunityApi.newSpace;
import static com.example.loyalty.community.CommunityApi.react;
import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_BAD_REQUEST;
import static org.apache.http.HttpStatus.SC_CONFLICT;
import static org.apache.http.HttpStatus.SC_CREATED;
import static org.apache.http.HttpStatus.SC_FORBIDDEN;
import static org.apache.http.HttpStatus.SC_NOT_FOUND;
import static org.apache.http.HttpStatus.SC_NO_CONTENT;
import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_UNPROCESSABLE_ENTITY;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.loyalty.community.CommunityApi;
import com.example.loyalty.community.CommunityApi.Member;
import com.example.loyalty.testing.Concurrently;
import com.example.loyalty.testing.TestTokens;
import com.example.loyalty.testing.contract.ContractValidation;
import com.example.loyalty.testing.contract.SendsInvalidRequests;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ModerationResourceTest {

    private static final String ADMIN = TestTokens.token("admin-" + UUID.randomUUID(), "admin");
    private static final String PROBLEM = "https://loyalty.example.com/problems/";

    @Inject
    AgroalDataSource dataSource;

    CommunityApi api;
    String space;

    @BeforeEach
    void setUp() {
        api = new CommunityApi(dataSource);
        space = newSpace();
    }

    private static ValidatableResponse post(String token, String path, Object body, Object... params) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(path, params)
                .then();
    }

    private static ValidatableResponse report(String token, String type, String id, String reason, String note) {
        Map<String, Object> body = note == null ? Map.of("reason", reason) : Map.of("reason", reason, "note", note);
        return post(token, "/api/community/" + type + "/{id}/reports", body, id);
    }

    private static ValidatableResponse act(String token, String type, String id, String action, String reason) {
        return post(token, "/api/community/" + type + "/{id}/" + action, Map.of("reason", reason), id);
    }

    /** The queue entry of the content among the first 100 of {@code status} (null if absent). */
    private static Map<String, Object> queued(String status, String contentId) {
        List<Map<String, Object>> items = given().auth()
                .oauth2(ADMIN)
                .queryParam("status", status)
                .queryParam("limit", 100)
                .when()
                .get("/api/community/moderation/reports")
                .then()
                .statusCode(SC_OK)
                .extract()
                .path("items");
        return items.stream()
                .filter(i -> contentId.equals(i.get("contentId")))
                .findFirst()
                .orElse(null);
    }

    @Test
    void membersReportOnceAndTheQueueGroupsReportsPerContent() throws Exception {
        Member author = api.member();
        Member ann = api.member();
        Member bob = api.member();
        String postId = newPost(author, space, "DISCUSSION");

        // the reason in lower case: the document lists the upper-case names, the service takes any case
        ContractValidation.withoutRequestChecks(() -> report(ann.token(), "posts", postId, "spam", "links to a shop")
                .statusCode(SC_CREATED)
                .body("id", notNullValue())
                .body("contentType", equalTo("POST"))
                .body("contentId", equalTo(postId))
                .body("reason", equalTo("SPAM"))
                .body("note", equalTo("links to a shop"))
                .body("status", equalTo("OPEN")));
        report(ann.token(), "posts", postId, "ABUSE", null)
                .statusCode(SC_CONFLICT)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEM + "already-reported"));
        report(bob.token(), "posts", postId, "ABUSE", null).statusCode(SC_CREATED);

        Map<String, Object> entry = queued("OPEN", postId);
        assertEquals("POST", entry.get("contentType"));
        assertEquals(2, entry.get("reports"));
        assertEquals(Map.of("SPAM", 1, "ABUSE", 1), entry.get("reasons"));
        assertEquals("links to a shop", entry.get("latestNote"));
        assertEquals(false, entry.get("hidden"));
        assertEquals("OPEN", entry.get("status"));
        // the author is named, so a moderator can ban them from the queue
        assertEquals(author.memberId().toString(), entry.get("authorMemberId"));
        assertEquals(author.displayName(), entry.get("authorDisplayName"));
        assertEquals(false, entry.get("authorBanned"));

        // a comment's reports are their own entry
        String commentId = comment(author.token(), postId, "buy now at example.com")
                .statusCode(SC_CREATED)
                .extract()
                .path("id");
        report(bob.token(), "comments", commentId, "SPAM", null)
                .statusCode(SC_CREATED)
                .body("contentType", equalTo("COMMENT"));
        Map<String, Object> commentEntry = queued("OPEN", commentId);
        assertEquals(1, commentEntry.get("reports"));
        assertEquals(postId, commentEntry.get("postId"));
        assertEquals("buy now at example.com", commentEntry.get("commentExcerpt"));
        assertEquals(author.memberId().toString(), commentEntry.get("authorMemberId"));
        api.ban(author);
        assertEquals(true, queued("OPEN", commentId).get("authorBanned"));

        // dismissing resolves them, audited; then there is nothing left to dismiss
        post(ADMIN, "/api/community/moderation/reports/{id}/dismiss", Map.of("reason", "a fair review"), postId)
                .statusCode(SC_OK)
                .body("contentType", equalTo("POST"))
                .body("dismissed", equalTo(2));
        assertEquals(null, queued("OPEN", postId));
        Map<String, Object> dismissed = queued("DISMISSED", postId);
        assertEquals(2, dismissed.get("reports"));
        assertEquals("a fair review", dismissed.get("resolutionReason"));
        assertEquals(
                1,
                api.count(
                        "select count(*) from moderation_action where action = 'DISMISS_REPORTS' and target_id = ?"
                                + " and reason = 'a fair review'",
                        postId));
        post(ADMIN, "/api/community/moderation/reports/{id}/dismiss", Map.of("reason", "again"), postId)
                .statusCode(SC_CONFLICT)
                .body("type", equalTo(PROBLEM + "no-open-reports"));
        // once resolved, the member may report it again
        report(ann.token(), "posts", postId, "OTHER", null).statusCode(SC_CREATED);
        assertEquals(1, queued("OPEN", postId).get("reports"));
    }

    @Test
    @SendsInvalidRequests("reports with an unknown reason, without a reason, with a note over 1000 characters")
    void badReportsAreRefused() {
        Member author = api.member();
        Member other = api.member();
        String postId = newPost(author, space, "DISCUSSION");
        report(author.token(), "posts", postId, "SPAM", null)
                .statusCode(SC_UNPROCESSABLE_ENTITY)
                .body("type", equalTo(PROBLEM + "own-content"));
        report(other.token(), "posts", postId, "BORING", null)
                .statusCode(SC_BAD_REQUEST)
                .body("type", equalTo(PROBLEM + "bad-reason"));
        post(other.token(), "/api/community/posts/{id}/reports", Map.of("note", "x"), postId)
                .statusCode(SC_BAD_REQUEST);
        report(other.token(), "posts", postId, "OTHER", "x".repeat(1001)).statusCode(SC_BAD_REQUEST);
        report(other.token(), "posts", UUID.randomUUID().toString(), "SPAM", null)
                .statusCode(SC_NOT_FOUND)
                .body("type", equalTo(PROBLEM + "post-not-found"));
        report(other.token(), "comments", UUID.randomUUID().toString(), "SPAM", null)
                .statusCode(SC_NOT_FOUND)
                .body("type", equalTo(PROBLEM + "comment-not-found"));
        report(TestTokens.newMember(), "posts", postId, "SPAM", null)
                .statusCode(SC_CONFLICT)
                .body("type", equalTo(PROBLEM + "membership-pending"));
        api.ban(other);
        report(other.token(), "posts", postId, "SPAM", null)
                .statusCode(SC_FORBIDDEN)
                .body("type", equalTo(PROBLEM + "banned"));
        report(ADMIN, "posts", postId, "SPAM", null).statusCode(SC_FORBIDDEN);
        assertEquals(0, api.count("select count(*) from content_report where content_id = ?", UUID.fromString(postId)));
    }

    @Test
    void hidingAPostHidesItEverywhereRevokesItsContributionsAndResolvesItsReports() {
        Member author = api.member();
        Member reader = api.member();
        String postId = newPost(author, space, "DISCUSSION");
        react(reader.token(), postId, "LIKE").statusCode(SC_CREATED);
        report(reader.token(), "posts", postId, "SPAM", null).statusCode(SC_CREATED);
        assertEquals(List.of("POST", "REACTION_RECEIVED"), api.standing(author));
        long before = api.score(author);

        act(ADMIN, "posts", postId, "hide", "advertising")
                .statusCode(SC_OK)
                .body("contentType", equalTo("POST"))
                .body("id", equalTo(postId))
                .body("hidden", equalTo(true))
                .body("reason", equalTo("advertising"))
                .body("revokedContributions", equalTo(2))
                .body("resolvedReports", equalTo(1));

        assertEquals(List.of(), api.standing(author));
        assertEquals(0, api.score(author));
        assertEquals(
                2,
                api.count(
                        "select count(*) from contribution where content_id = ? and revoke_reason = 'HIDDEN: advertising'",
                        UUID.fromString(postId)));
        assertEquals(
                2,
                api.count(
                        "select count(*) from outbox_event where event_type = 'ContributionRevoked' and payload like ?",
                        "%" + postId + "%"));
        getPost(reader.token(), postId).statusCode(SC_NOT_FOUND);
        given().auth()
                .oauth2(reader.token())
                .when()
                .get("/api/community/spaces/{id}/posts", space)
                .then()
                .statusCode(SC_OK)
                .body("items.id", not(hasItem(postId)));
        assertEquals(null, queued("OPEN", postId));
        assertEquals("HIDDEN", queued("HIDDEN", postId).get("status"));
        assertEquals(true, queued("HIDDEN", postId).get("hidden"));
        act(ADMIN, "posts", postId, "hide", "again")
                .statusCode(SC_CONFLICT)
                .body("type", equalTo(PROBLEM + "already-hidden"));

        act(ADMIN, "posts", postId, "unhide", "appeal upheld")
                .statusCode(SC_OK)
                .body("hidden", equalTo(false))
                .body("revokedContributions", equalTo(0));
        getPost(reader.token(), postId).statusCode(SC_OK).body("id", equalTo(postId));
        // contributions do not come back
        assertEquals(List.of(), api.standing(author));
        assertEquals(0, api.score(author));
        act(ADMIN, "posts", postId, "unhide", "again")
                .statusCode(SC_CONFLICT)
                .body("type", equalTo(PROBLEM + "not-hidden"));
        List<Object[]> audit = api.rows(
                "select action, target_type, reason, actor from moderation_action where target_id = ? order by id",
                postId);
        assertEquals(2, audit.size());
        assertEquals(
                List.of("HIDE", "POST", "advertising"), List.of(audit.get(0)[0], audit.get(0)[1], audit.get(0)[2]));
        assertEquals("UNHIDE", audit.get(1)[0]);
        assertEquals("appeal upheld", audit.get(1)[2]);
        assertEquals(true, ((String) audit.get(0)[3]).startsWith("admin-"));
        assertEquals(true, before > 0, "the author had a score before");
    }

    @Test
    void hidingACommentTakesItOutOfThePostsCountersAndRevokesTheAnswer() {
        Member asker = api.member();
        Member answerer = api.member();
        String question = newPost(asker, space, "QUESTION");
        String answer = comment(answerer.token(), question, "Try 92 degrees")
                .statusCode(SC_CREATED)
                .extract()
                .path("id");
        comment(asker.token(), question, "thanks!").statusCode(SC_CREATED);
        getPost(asker.token(), question).statusCode(SC_OK);
        assertEquals(2, api.count("select comment_count from post where id = ?", UUID.fromString(question)));
        assertEquals(1, api.count("select answer_count from post where id = ?", UUID.fromString(question)));
        assertEquals(List.of("ANSWER"), api.standing(answerer));

        act(ADMIN, "comments", answer, "hide", "rude")
                .statusCode(SC_OK)
                .body("contentType", equalTo("COMMENT"))
                .body("postId", equalTo(question))
                .body("revokedContributions", equalTo(1));
        assertEquals(1, api.count("select comment_count from post where id = ?", UUID.fromString(question)));
        assertEquals(0, api.count("select answer_count from post where id = ?", UUID.fromString(question)));
        assertEquals(List.of(), api.standing(answerer));
        given().auth()
                .oauth2(asker.token())
                .when()
                .get("/api/community/posts/{id}/comments", question)
                .then()
                .statusCode(SC_OK)
                .body("items.id", not(hasItem(answer)));
        act(ADMIN, "comments", answer, "hide", "rude").statusCode(SC_CONFLICT);

        act(ADMIN, "comments", answer, "unhide", "misclick").statusCode(SC_OK).body("hidden", equalTo(false));
        assertEquals(2, api.count("select comment_count from post where id = ?", UUID.fromString(question)));
        assertEquals(1, api.count("select answer_count from post where id = ?", UUID.fromString(question)));
        assertEquals(List.of(), api.standing(answerer));
    }

    @Test
    void aHiddenReviewLeavesTheProductRatingAndItsSearchHitsAndComesBackOnUnhide() {
        Member reviewer = api.member();
        Member other = api.member();
        String product = "SKU-" + UUID.randomUUID();
        String word = "zr" + UUID.randomUUID().toString().substring(0, 8).replaceAll("[0-9-]", "q");
        Map<String, Object> body = CommunityApi.review(product, 1);
        body.put("title", "Terrible " + word);
        String review = CommunityApi.createPost(reviewer.token(), space, body)
                .statusCode(SC_CREATED)
                .extract()
                .path("id");
        CommunityApi.createPost(other.token(), space, CommunityApi.review(product, 5))
                .statusCode(SC_CREATED);
        rating(reviewer.token(), product).body("count", equalTo(2)).body("mean", equalTo(3.0f));
        search(reviewer.token(), word).body("items.id", equalTo(List.of(review)));

        act(ADMIN, "posts", review, "hide", "fake review").statusCode(SC_OK).body("revokedContributions", equalTo(1));
        rating(reviewer.token(), product).body("count", equalTo(1)).body("mean", equalTo(5.0f));
        search(reviewer.token(), word).body("items", equalTo(List.of()));
        assertEquals(List.of(), api.standing(reviewer));

        act(ADMIN, "posts", review, "unhide", "verified purchase").statusCode(SC_OK);
        rating(reviewer.token(), product).body("count", equalTo(2));
        search(reviewer.token(), word).body("items.id", equalTo(List.of(review)));
    }

    private static ValidatableResponse rating(String token, String product) {
        return given().auth()
                .oauth2(token)
                .when()
                .get("/api/community/products/{id}/rating", product)
                .then()
                .statusCode(SC_OK);
    }

    private static ValidatableResponse search(String token, String q) {
        return given().auth()
                .oauth2(token)
                .queryParam("q", q)
                .when()
                .get("/api/community/search")
                .then()
                .statusCode(SC_OK);
    }

    @Test
    void racingModeratorsHideOnceAndRacingReportsCountOnce() throws Exception {
        Member author = api.member();
        Member reader = api.member();
        String postId = newPost(author, space, "DISCUSSION");
        react(reader.token(), postId, "HELPFUL").statusCode(SC_CREATED);
        long score = api.score(author);

        List<Callable<Integer>> reports = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            reports.add(() -> report(reader.token(), "posts", postId, "SPAM", null)
                    .extract()
                    .statusCode());
        }
        List<Integer> reported = Concurrently.run(reports);
        assertEquals(1, reported.stream().filter(s -> s == SC_CREATED).count(), reported.toString());
        assertEquals(4, reported.stream().filter(s -> s == SC_CONFLICT).count(), reported.toString());

        List<Callable<Integer>> hides = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String admin = TestTokens.token("admin-race-" + i, "admin");
            hides.add(
                    () -> act(admin, "posts", postId, "hide", "spam").extract().statusCode());
        }
        List<Integer> hidden = Concurrently.run(hides);
        assertEquals(1, hidden.stream().filter(s -> s == SC_OK).count(), hidden.toString());
        assertEquals(4, hidden.stream().filter(s -> s == SC_CONFLICT).count(), hidden.toString());
        assertEquals(true, score > 0, "the author had a score");
        assertEquals(0, api.score(author));
        assertEquals(
                2,
                api.count(
                        "select count(*) from outbox_event where event_type = 'ContributionRevoked' and payload like ?",
                        "%" + postId + "%"));
        assertEquals(
                1, api.count("select count(*) from moderation_action where action = 'HIDE' and target_id = ?", postId));
        assertEquals(
                1,
                api.count(
                        "select count(*) from content_report where content_id = ? and status = 'HIDDEN'",
                        UUID.fromString(postId)));
    }

    @Test
    @SendsInvalidRequests("hides with a blank reason, without one, with one over 500 characters")
    void moderationNeedsAnAdminAReasonAndExistingContent() {
        Member author = api.member();
        String postId = newPost(author, space, "DISCUSSION");
        act(CommunityApi.MARKETER, "posts", postId, "hide", "no").statusCode(SC_FORBIDDEN);
        act(author.token(), "posts", postId, "hide", "no").statusCode(SC_FORBIDDEN);
        act(ADMIN, "posts", postId, "hide", "  ").statusCode(SC_BAD_REQUEST);
        post(ADMIN, "/api/community/posts/{id}/hide", Map.of(), postId).statusCode(SC_BAD_REQUEST);
        act(ADMIN, "posts", postId, "hide", "x".repeat(501)).statusCode(SC_BAD_REQUEST);
        act(ADMIN, "posts", UUID.randomUUID().toString(), "hide", "spam")
                .statusCode(SC_NOT_FOUND)
                .body("type", equalTo(PROBLEM + "post-not-found"));
        act(ADMIN, "comments", UUID.randomUUID().toString(), "unhide", "spam")
                .statusCode(SC_NOT_FOUND)
                .body("type", equalTo(PROBLEM + "comment-not-found"));
        post(ADMIN, "/api/community/moderation/reports/{id}/dismiss", Map.of("reason", "x"), UUID.randomUUID())
                .statusCode(SC_NOT_FOUND)
                .body("type", equalTo(PROBLEM + "content-not-found"));
        given().auth()
                .oauth2(CommunityApi.MARKETER)
                .when()
                .get("/api/community/moderation/reports")
                .then()
                .statusCode(SC_FORBIDDEN);
        given().auth()
                .oauth2(ADMIN)
                .queryParam("status", "CLOSED")
                .when()
                .get("/api/community/moderation/reports")
                .then()
                .statusCode(SC_BAD_REQUEST)
                .body("type", equalTo(PROBLEM + "bad-status"));
        given().auth()
                .oauth2(ADMIN)
                .queryParam("cursor", "nonsense")
                .when()
                .get("/api/community/moderation/reports")
                .then()
                .statusCode(SC_BAD_REQUEST)
                .body("type", equalTo(PROBLEM + "bad-cursor"));
        // a post its author deleted is gone for moderators too
        given().auth()
                .oauth2(author.token())
                .when()
                .delete("/api/community/posts/{id}", postId)
                .then()
                .statusCode(SC_NO_CONTENT);
        act(ADMIN, "posts", postId, "hide", "spam").statusCode(SC_NOT_FOUND);
        assertEquals(0, api.count("select count(*) from moderation_action where target_id = ?", postId));
        assertEquals(null, api.single("select hidden_at from post where id = ?", UUID.fromString(postId)));
    }

    @Test
    void theQueuePagesLatestFirst() {
        Member author = api.member();
        Member reporter = api.member();
        String first = newPost(author, space, "DISCUSSION");
        String second = newPost(author, space, "DISCUSSION");
        report(reporter.token(), "posts", first, "SPAM", null).statusCode(SC_CREATED);
        report(reporter.token(), "posts", second, "SPAM", null).statusCode(SC_CREATED);
        JsonPath page = given().auth()
                .oauth2(ADMIN)
                .queryParam("limit", 1)
                .when()
                .get("/api/community/moderation/reports")
                .then()
                .statusCode(SC_OK)
                .body("items[0].contentId", equalTo(second))
                .body("nextCursor", notNullValue())
                .extract()
                .jsonPath();
        given().auth()
                .oauth2(ADMIN)
                .queryParam("limit", 1)
                .queryParam("cursor", page.getString("nextCursor"))
                .when()
                .get("/api/community/moderation/reports")
                .then()
                .statusCode(SC_OK)
                .body("items[0].contentId", equalTo(first));
        given().auth()
                .oauth2(ADMIN)
                .queryParam("status", "HIDDEN")
                .queryParam("cursor", page.getString("nextCursor"))
                .when()
                .get("/api/community/moderation/reports")
                .then()
                .statusCode(SC_BAD_REQUEST);
        assertEquals(null, page.getString("items[0].resolvedAt"));
    }
}
