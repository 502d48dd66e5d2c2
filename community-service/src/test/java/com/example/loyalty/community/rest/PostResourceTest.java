package com.example.loyalty.community.rest;

import static com.example.loyalty.community.CommunityApi.MARKETER;
import static com.example.loyalty.community.CommunityApi.createPost;
import static com.example.loyalty.community.CommunityApi.getPost;
import static com.example.loyalty.community.CommunityApi.newPost;
import static com.example.loyalty.community.CommunityApi.newSpace;
import static com.example.loyalty.community.CommunityApi.post;
import static com.example.loyalty.community.CommunityApi.review;
import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_BAD_REQUEST;
import static org.apache.http.HttpStatus.SC_CONFLICT;
import static org.apache.http.HttpStatus.SC_CREATED;
import static org.apache.http.HttpStatus.SC_FORBIDDEN;
import static org.apache.http.HttpStatus.SC_NOT_FOUND;
import static org.apache.http.HttpStatus.SC_NO_CONTENT;
import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_UNPROCESSABLE_ENTITY;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.community.CommunityApi;
import com.example.loyalty.community.CommunityApi.Member;
import com.example.loyalty.testing.Concurrently;
import com.example.loyalty.testing.contract.ContractValidation;
import com.example.loyalty.testing.contract.SendsInvalidRequests;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PostResourceTest {

    @Inject
    AgroalDataSource dataSource;

    CommunityApi api;
    String space;

    @BeforeEach
    void setUp() {
        api = new CommunityApi(dataSource);
        space = newSpace();
    }

    @Test
    void aMemberPostsADiscussionStoredAsWrittenAndEarnsAPostContribution() {
        Member m = api.member();
        Map<String, Object> body = post("DISCUSSION", "<b>Hello</b> & welcome");
        body.put("body", "<script>alert(1)</script> **bold**");
        body.put("format", "MARKDOWN");
        body.put("tags", List.of("coffee", " beans ", "coffee"));
        String id = createPost(m.token(), space, body)
                .statusCode(SC_CREATED)
                .header("Location", containsString("/api/community/posts/"))
                .body("id", notNullValue())
                .body("kind", equalTo("DISCUSSION"))
                // the answer is built from what the create found, without reading the post back: the same view
                .body("author.displayName", equalTo(m.displayName()))
                .body("author.you", equalTo(true))
                .body("author.brand", equalTo(false))
                .body("tags", contains("coffee", "beans"))
                .body("myReactions", empty())
                .extract()
                .path("id");

        getPost(m.token(), id)
                .statusCode(SC_OK)
                .body("title", equalTo("<b>Hello</b> & welcome"))
                .body("body", equalTo("<script>alert(1)</script> **bold**"))
                .body("format", equalTo("MARKDOWN"))
                .body("tags", contains("coffee", "beans"))
                .body("author.displayName", equalTo(m.displayName()))
                .body("author.you", equalTo(true))
                .body("author.brand", equalTo(false))
                .body("commentCount", equalTo(0))
                .body("reactions.LIKE", equalTo(0))
                .body("solved", equalTo(false))
                .body("myReactions", empty());
        assertEquals(List.of("POST"), api.standing(m));
        assertEquals(5, api.score(m));
        assertEquals(
                1,
                api.count(
                        "select count(*) from outbox_event where event_type = 'PostCreated' and payload like ?",
                        "%" + id + "%"));
    }

    @Test
    void anotherMemberSeesTheAuthorsNameButNotAsTheirs() {
        Member author = api.member();
        Member reader = api.member();
        String id = newPost(author, space, "QUESTION");
        getPost(reader.token(), id)
                .statusCode(SC_OK)
                .body("author.displayName", equalTo(author.displayName()))
                .body("author.you", equalTo(false))
                .body("kind", equalTo("QUESTION"));
    }

    @Test
    void anAnnouncementIsTheBrands() {
        Member m = api.member();
        createPost(m.token(), space, post("ANNOUNCEMENT", "Sale"))
                .statusCode(SC_FORBIDDEN)
                .contentType("application/problem+json")
                .body("type", containsString("announcement-staff-only"));
        assertEquals(0, api.count("select count(*) from post where space_id = ?", UUID.fromString(space)));

        String id = createPost(MARKETER, space, post("ANNOUNCEMENT", "Sale"))
                .statusCode(SC_CREATED)
                .body("author.brand", equalTo(true))
                .body("author.displayName", nullValue())
                .body("author.you", equalTo(true))
                .extract()
                .path("id");
        getPost(m.token(), id)
                .statusCode(SC_OK)
                .body("author.brand", equalTo(true))
                .body("author.displayName", nullValue());
        // the brand earns no contribution
        assertEquals(0, api.count("select count(*) from contribution where content_id = ?", UUID.fromString(id)));
    }

    @Test
    void aMarketerCannotPostAsAMember() {
        createPost(MARKETER, space, post("DISCUSSION", "Hi"))
                .statusCode(SC_FORBIDDEN)
                .body("type", containsString("members-only"));
    }

    @Test
    @SendsInvalidRequests("reviews rated 6, 0 and \"five\", to see them refused")
    void aRatingOfSixIsRefusedAndNothingIsStored() {
        Member m = api.member();
        String product = "P-" + UUID.randomUUID();
        createPost(m.token(), space, review(product, 6))
                .statusCode(SC_UNPROCESSABLE_ENTITY)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("rating"));
        createPost(m.token(), space, review(product, 0)).statusCode(SC_UNPROCESSABLE_ENTITY);
        createPost(m.token(), space, review(null, 4))
                .statusCode(SC_UNPROCESSABLE_ENTITY)
                .body("errors[0].field", equalTo("productId"));
        createPost(m.token(), space, review(product, "five")).statusCode(SC_BAD_REQUEST);
        assertEquals(0, api.count("select count(*) from post where product_id = ?", product));
        assertEquals(0, api.count("select count(*) from contribution where member_id = ?", m.memberId()));
        assertEquals(0, api.score(m));
    }

    @Test
    void aReviewEarnsAReviewContributionWithItsProductAndRating() {
        Member m = api.member();
        String product = "P-" + UUID.randomUUID();
        String id = createPost(m.token(), space, review(product, 4))
                .statusCode(SC_CREATED)
                .body("rating", equalTo(4))
                .body("productId", equalTo(product))
                .extract()
                .path("id");
        assertEquals(List.of("REVIEW"), api.standing(m));
        String payload = (String) api.single(
                "select payload from outbox_event where event_type = 'ReviewPosted' and payload like ?",
                "%" + id + "%");
        assertTrue(payload.contains(product) && payload.contains("\"rating\":4"), payload);
    }

    @Test
    void oneReviewPerMemberAndProduct() {
        Member m = api.member();
        String product = "P-" + UUID.randomUUID();
        createPost(m.token(), space, review(product, 4)).statusCode(SC_CREATED);
        createPost(m.token(), space, review(product, 2))
                .statusCode(SC_CONFLICT)
                .contentType("application/problem+json")
                .body("type", containsString("review-exists"));
        // another member may review it
        createPost(api.member().token(), space, review(product, 2)).statusCode(SC_CREATED);
        assertEquals(2, api.count("select count(*) from post where product_id = ?", product));
        assertEquals(List.of("REVIEW"), api.standing(m));
    }

    @Test
    void aDeletedReviewFreesTheSlot() {
        Member m = api.member();
        String product = "P-" + UUID.randomUUID();
        String first = createPost(m.token(), space, review(product, 1))
                .statusCode(SC_CREATED)
                .extract()
                .path("id");
        given().auth()
                .oauth2(m.token())
                .when()
                .delete("/api/community/posts/{id}", first)
                .then()
                .statusCode(SC_NO_CONTENT);
        createPost(m.token(), space, review(product, 5)).statusCode(SC_CREATED);
        given().auth()
                .oauth2(m.token())
                .when()
                .get("/api/community/products/{id}/rating", product)
                .then()
                .statusCode(SC_OK)
                .body("count", equalTo(1))
                .body("mean", equalTo(5.0f));
    }

    @Test
    void racingReviewsOfOneMemberStoreOne() throws Exception {
        Member m = api.member();
        String product = "P-" + UUID.randomUUID();
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int stars = 1 + i % 5;
            calls.add(() -> createPost(m.token(), space, review(product, stars))
                    .extract()
                    .statusCode());
        }
        List<Integer> statuses = Concurrently.run(calls);
        assertEquals(1, statuses.stream().filter(s -> s == SC_CREATED).count(), statuses.toString());
        assertEquals(5, statuses.stream().filter(s -> s == SC_CONFLICT).count(), statuses.toString());
        assertEquals(1, api.count("select count(*) from post where product_id = ?", product));
        assertEquals(List.of("REVIEW"), api.standing(m));
        assertEquals(10, api.score(m));
    }

    @Test
    @SendsInvalidRequests("a kind the document does not list, and malformed JSON")
    void sizesAreBounded() {
        Member m = api.member();
        Map<String, Object> longTitle = post("DISCUSSION", "t".repeat(201));
        createPost(m.token(), space, longTitle)
                .statusCode(SC_UNPROCESSABLE_ENTITY)
                .body("errors[0].field", equalTo("title"));
        Map<String, Object> longBody = post("DISCUSSION", "ok");
        longBody.put("body", "b".repeat(20_001));
        createPost(m.token(), space, longBody)
                .statusCode(SC_UNPROCESSABLE_ENTITY)
                .body("errors[0].field", equalTo("body"));
        Map<String, Object> manyTags = post("DISCUSSION", "ok");
        manyTags.put("tags", List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"));
        createPost(m.token(), space, manyTags).statusCode(SC_UNPROCESSABLE_ENTITY);
        Map<String, Object> blank = post("DISCUSSION", " ");
        blank.put("body", "");
        createPost(m.token(), space, blank).statusCode(SC_UNPROCESSABLE_ENTITY).body("errorCount", equalTo(2));
        createPost(m.token(), space, post("POEM", "x"))
                .statusCode(SC_UNPROCESSABLE_ENTITY)
                .body("errors[0].field", equalTo("kind"));
        given().auth()
                .oauth2(m.token())
                .contentType(ContentType.JSON)
                .body("{not json")
                .when()
                .post("/api/community/spaces/{id}/posts", space)
                .then()
                .statusCode(SC_BAD_REQUEST);
        assertEquals(0, api.count("select count(*) from post where space_id = ?", UUID.fromString(space)));
    }

    @Test
    void unknownSpaceOrPostIs404() throws Exception {
        Member m = api.member();
        createPost(m.token(), UUID.randomUUID().toString(), post("DISCUSSION", "x"))
                .statusCode(SC_NOT_FOUND)
                .contentType("application/problem+json")
                .body("type", containsString("space-not-found"));
        getPost(m.token(), UUID.randomUUID().toString())
                .statusCode(SC_NOT_FOUND)
                .body("type", containsString("post-not-found"));
        // a post id that is no UUID
        ContractValidation.withoutRequestChecks(
                () -> getPost(m.token(), "not-a-uuid").statusCode(SC_NOT_FOUND));
    }

    @Test
    void onlyTheAuthorEditsAndTheHistoryKeepsEachVersion() {
        Member author = api.member();
        Member other = api.member();
        String id = newPost(author, space, "DISCUSSION");
        String firstTitle = getPost(author.token(), id).extract().path("title");

        patch(other.token(), id, Map.of("title", "Hijacked"))
                .statusCode(SC_FORBIDDEN)
                .contentType("application/problem+json")
                .body("type", containsString("not-author"));
        patch(MARKETER, id, Map.of("title", "Hijacked")).statusCode(SC_FORBIDDEN);

        patch(author.token(), id, Map.of("title", "Second", "tags", List.of("a")))
                .statusCode(SC_OK)
                .body("title", equalTo("Second"))
                .body("tags", contains("a"))
                .body("editedAt", notNullValue());
        patch(author.token(), id, Map.of("body", "Third body"))
                .statusCode(SC_OK)
                .body("title", equalTo("Second"))
                .body("body", equalTo("Third body"));
        patch(author.token(), id, Map.of("title", "t".repeat(201))).statusCode(SC_UNPROCESSABLE_ENTITY);

        given().auth()
                .oauth2(other.token())
                .when()
                .get("/api/community/posts/{id}/history", id)
                .then()
                .statusCode(SC_OK)
                .body("", hasSize(2))
                .body("[0].title", equalTo(firstTitle))
                .body("[0].tags", empty())
                .body("[1].title", equalTo("Second"))
                .body("[1].tags", contains("a"));
        getPost(other.token(), id).body("title", equalTo("Second")).body("body", equalTo("Third body"));
    }

    @Test
    void theAuthorDeletesAndTheContributionsAreRevoked() {
        Member author = api.member();
        Member other = api.member();
        String id = newPost(author, space, "DISCUSSION");
        CommunityApi.react(other.token(), id, "LIKE").statusCode(SC_CREATED);
        assertEquals(6, api.score(author));

        given().auth()
                .oauth2(other.token())
                .when()
                .delete("/api/community/posts/{id}", id)
                .then()
                .statusCode(SC_FORBIDDEN);
        given().auth()
                .oauth2(author.token())
                .when()
                .delete("/api/community/posts/{id}", id)
                .then()
                .statusCode(SC_NO_CONTENT);

        getPost(author.token(), id).statusCode(SC_NOT_FOUND);
        given().auth()
                .oauth2(author.token())
                .when()
                .delete("/api/community/posts/{id}", id)
                .then()
                .statusCode(SC_NOT_FOUND);
        assertEquals(List.of(), api.standing(author));
        assertEquals(0, api.score(author));
        assertEquals(
                1, api.count("select count(*) from post where id = ? and deleted_at is not null", UUID.fromString(id)));
        // the post's PostCreated and the ReactionReceived it earned, both about the post
        assertEquals(
                2,
                api.count(
                        "select count(*) from outbox_event where event_type = 'ContributionRevoked' and payload like ?",
                        "%" + id + "%DELETED%"));
    }

    @Test
    void aBannedMemberMayReadButNotPostCommentOrReact() {
        Member banned = api.member();
        Member other = api.member();
        String id = newPost(other, space, "QUESTION");
        api.ban(banned);

        createPost(banned.token(), space, post("DISCUSSION", "spam"))
                .statusCode(SC_FORBIDDEN)
                .body("type", containsString("banned"));
        CommunityApi.comment(banned.token(), id, "spam")
                .statusCode(SC_FORBIDDEN)
                .body("type", containsString("banned"));
        CommunityApi.react(banned.token(), id, "LIKE").statusCode(SC_FORBIDDEN).body("type", containsString("banned"));
        getPost(banned.token(), id).statusCode(SC_OK).body("commentCount", equalTo(0));
        assertEquals(0, api.count("select count(*) from post where author_member_id = ?", banned.memberId()));
        assertEquals(0, api.count("select count(*) from reaction where member_id = ?", banned.memberId()));
    }

    @Test
    void aMemberTheDirectoryDoesNotKnowYetIsToldToWait() {
        String stranger = com.example.loyalty.testing.TestTokens.newMember();
        createPost(stranger, space, post("DISCUSSION", "hi"))
                .statusCode(SC_CONFLICT)
                .body("type", containsString("membership-pending"));
    }

    @Test
    void postingFasterThanTheLimitIs429WithRetryAfter() {
        Member m = api.member();
        // 30 posts and comments in the last hour (the default limit), the oldest 10 minutes ago
        Instant oldest = Instant.now().minusSeconds(600);
        for (int i = 0; i < 30; i++) {
            api.update(
                    "insert into post (id, space_id, author_subject, author_member_id, kind, title, body, created_at,"
                            + " last_activity_at) values (?, ?, ?, ?, 'DISCUSSION', 't', 'b', ?, ?)",
                    UUID.randomUUID(),
                    UUID.fromString(space),
                    m.subject(),
                    m.memberId(),
                    oldest.plusSeconds(i),
                    oldest.plusSeconds(i));
        }
        String retryAfter = createPost(m.token(), space, post("DISCUSSION", "one too many"))
                .statusCode(429)
                .contentType("application/problem+json")
                .body("type", containsString("posting-rate-limited"))
                .extract()
                .header("Retry-After");
        long seconds = Long.parseLong(retryAfter);
        assertTrue(seconds > 2900 && seconds <= 3001, retryAfter);
        assertEquals(30, api.count("select count(*) from post where author_member_id = ?", m.memberId()));
        // comments share the limit
        String other = newPost(api.member(), space, "DISCUSSION");
        CommunityApi.comment(m.token(), other, "hello").statusCode(429);
    }

    @Test
    void postsAndCommentsCountTogetherTowardTheLimit() {
        Member m = api.member();
        String other = newPost(api.member(), space, "DISCUSSION");
        Instant recent = Instant.now().minusSeconds(60);
        // 20 posts and 9 comments in the last hour, one deleted of each: 29 of the 30
        for (int i = 0; i < 20; i++) {
            api.update(
                    "insert into post (id, space_id, author_subject, author_member_id, kind, title, body, created_at,"
                            + " last_activity_at, deleted_at) values (?, ?, ?, ?, 'DISCUSSION', 't', 'b', ?, ?, ?)",
                    UUID.randomUUID(),
                    UUID.fromString(space),
                    m.subject(),
                    m.memberId(),
                    recent,
                    recent,
                    i == 0 ? recent : null);
        }
        for (int i = 0; i < 9; i++) {
            api.update(
                    "insert into comment (id, post_id, author_subject, author_member_id, body, created_at, deleted_at)"
                            + " values (?, ?, ?, ?, 'c', ?, ?)",
                    UUID.randomUUID(),
                    UUID.fromString(other),
                    m.subject(),
                    m.memberId(),
                    recent,
                    i == 0 ? recent : null);
        }
        // the 30th is taken, the 31st is not
        CommunityApi.comment(m.token(), other, "the last one").statusCode(SC_CREATED);
        createPost(m.token(), space, post("DISCUSSION", "one too many")).statusCode(429);
    }

    @Test
    void aSpaceMayRestrictKindsAndPosting() {
        Map<String, Object> body = CommunityApi.space("Q&A only");
        body.put("postingRules", Map.of("allowedKinds", List.of("QUESTION")));
        String qa =
                CommunityApi.createSpace(body).statusCode(SC_CREATED).extract().path("id");
        Member m = api.member();
        createPost(m.token(), qa, post("DISCUSSION", "x"))
                .statusCode(SC_UNPROCESSABLE_ENTITY)
                .body("type", containsString("kind-not-allowed"));
        createPost(m.token(), qa, post("QUESTION", "x")).statusCode(SC_CREATED);

        Map<String, Object> news = CommunityApi.space("News");
        news.put("postingRules", Map.of("membersMayPost", false));
        String newsId =
                CommunityApi.createSpace(news).statusCode(SC_CREATED).extract().path("id");
        createPost(m.token(), newsId, post("DISCUSSION", "x"))
                .statusCode(SC_FORBIDDEN)
                .body("type", containsString("members-may-not-post"));
        String announcement = createPost(MARKETER, newsId, post("ANNOUNCEMENT", "News!"))
                .statusCode(SC_CREATED)
                .extract()
                .path("id");
        CommunityApi.comment(m.token(), announcement, "Great").statusCode(SC_CREATED);
    }

    private static io.restassured.response.ValidatableResponse patch(String token, String id, Object body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .patch("/api/community/posts/{id}", id)
                .then();
    }
}
