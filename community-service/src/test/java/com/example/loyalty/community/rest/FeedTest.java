package com.example.loyalty.community.rest;

import static com.example.loyalty.community.CommunityApi.comment;
import static com.example.loyalty.community.CommunityApi.createPost;
import static com.example.loyalty.community.CommunityApi.createSpace;
import static com.example.loyalty.community.CommunityApi.newPost;
import static com.example.loyalty.community.CommunityApi.newSpace;
import static com.example.loyalty.community.CommunityApi.post;
import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_BAD_REQUEST;
import static org.apache.http.HttpStatus.SC_NOT_FOUND;
import static org.apache.http.HttpStatus.SC_NO_CONTENT;
import static org.apache.http.HttpStatus.SC_OK;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.community.CommunityApi;
import com.example.loyalty.community.CommunityApi.Member;
import com.example.loyalty.community.repository.FeedRepository;
import com.example.loyalty.community.repository.FeedRepository.FeedOrder;
import com.example.loyalty.testing.TestTokens;
import com.example.loyalty.testing.contract.SendsInvalidRequests;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FeedTest {

    @Inject
    AgroalDataSource dataSource;

    CommunityApi api;
    String space;
    Member reader;

    @BeforeEach
    void setUp() {
        api = new CommunityApi(dataSource);
        space = newSpace();
        reader = api.member();
    }

    @Test
    void pagingReturnsEveryVisiblePostExactlyOnceEvenWhilePostsAreWritten() {
        List<String> written = new ArrayList<>();
        Member a = api.member();
        Member b = api.member();
        for (int i = 0; i < 23; i++) {
            written.add(newPost(i % 2 == 0 ? a : b, space, i % 3 == 0 ? "QUESTION" : "DISCUSSION"));
        }
        // one hidden by a moderator, one deleted by its author: they never appear
        String hidden = written.remove(5);
        api.update("update post set hidden_at = now(), hidden_by = 'mod' where id = ?", UUID.fromString(hidden));
        String deleted = written.remove(10);
        given().auth()
                .oauth2(
                        api.count(
                                                "select count(*) from post where id = ? and author_member_id = ?",
                                                UUID.fromString(deleted),
                                                a.memberId())
                                        == 1
                                ? a.token()
                                : b.token())
                .when()
                .delete("/api/community/posts/{id}", deleted)
                .then()
                .statusCode(SC_NO_CONTENT);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonPath page = page("newest", cursor, 4);
            seen.addAll(page.getList("items.id", String.class));
            cursor = page.getString("nextCursor");
            if (pages == 1) {
                // written while paging: on top, never in a later page
                newPost(a, space, "DISCUSSION");
                newPost(b, space, "DISCUSSION");
            }
            pages++;
        } while (cursor != null && pages < 20);

        List<String> expected = new ArrayList<>(written);
        Collections.reverse(expected);
        assertEquals(expected, seen);
        assertEquals(new HashSet<>(seen).size(), seen.size());
        assertEquals(6, pages); // 21 posts by 4
    }

    @Test
    void activeFirstPutsTheLatestCommentedPostOnTop() {
        Member a = api.member();
        String first = newPost(a, space, "DISCUSSION");
        String second = newPost(a, space, "DISCUSSION");
        String third = newPost(a, space, "DISCUSSION");
        assertEquals(List.of(third, second, first), ids(page("active", null, 10)));
        comment(reader.token(), first, "bump").statusCode(201);
        assertEquals(List.of(first, third, second), ids(page("active", null, 10)));
        assertEquals(List.of(third, second, first), ids(page("newest", null, 10)));
        // paging the active feed
        JsonPath one = page("active", null, 2);
        assertEquals(List.of(first, third), ids(one));
        assertEquals(List.of(second), ids(page("active", one.getString("nextCursor"), 2)));
    }

    @Test
    void unansweredListsQuestionsWithoutAnswers() {
        Member asker = api.member();
        String answered = newPost(asker, space, "QUESTION");
        String open = newPost(asker, space, "QUESTION");
        String ownReplyOnly = newPost(asker, space, "QUESTION");
        newPost(asker, space, "DISCUSSION");
        comment(reader.token(), answered, "answer").statusCode(201);
        comment(asker.token(), ownReplyOnly, "bump").statusCode(201);
        assertEquals(List.of(ownReplyOnly, open), ids(page("unanswered", null, 10)));
    }

    @Test
    void summariesCarryCountsButNotTheWholeBody() {
        Member a = api.member();
        var body = post("QUESTION", "Long one");
        body.put("body", "x".repeat(500));
        createPost(a.token(), space, body).statusCode(201);
        JsonPath page = page("newest", null, 10);
        assertEquals(200, page.getString("items[0].excerpt").length());
        assertEquals(a.displayName(), page.getString("items[0].author.displayName"));
        assertEquals(0, page.getInt("items[0].commentCount"));
        assertEquals(false, page.getBoolean("items[0].solved"));
    }

    /** An excerpt is cut by UTF-16 chars, never through an emoji: one char less rather than half a pair. */
    @Test
    void anExcerptNeverEndsInHalfACharacter() {
        Member a = api.member();
        String emoji = "\uD83D\uDE00";
        for (String body : List.of(emoji.repeat(300), "a" + emoji.repeat(300))) {
            String lounge = newSpace();
            var post = post("DISCUSSION", "Smiles");
            post.put("body", body);
            createPost(a.token(), lounge, post).statusCode(201);
            String excerpt = given().auth()
                    .oauth2(reader.token())
                    .when()
                    .get("/api/community/spaces/{id}/posts", lounge)
                    .then()
                    .statusCode(SC_OK)
                    .extract()
                    .path("items[0].excerpt");
            int expected = body.startsWith("a") ? 199 : 200;
            assertEquals(body.substring(0, expected), excerpt);
        }
    }

    /** A tier's space: its feed is read by members of the tier (a merged member's login as the survivor) and staff. */
    @Test
    void aTierSpacesFeedIsReadByItsTierAndStaffOnly() {
        Member gold = api.member("GOLD");
        Member silver = api.member("SILVER");
        Member mergedIntoGold = api.member("SILVER");
        api.update(
                "update community_member set merged_into = ? where member_id = ?",
                gold.memberId(),
                mergedIntoGold.memberId());
        Map<String, Object> body = CommunityApi.space("Gold lounge " + UUID.randomUUID());
        body.put("visibility", Map.of("allMembers", false, "tiers", List.of("gold")));
        String lounge = createSpace(body).statusCode(201).extract().path("id");
        String onlyPost = newPost(gold, lounge, "DISCUSSION");
        for (String token : List.of(gold.token(), mergedIntoGold.token(), CommunityApi.MARKETER)) {
            given().auth()
                    .oauth2(token)
                    .when()
                    .get("/api/community/spaces/{id}/posts", lounge)
                    .then()
                    .statusCode(SC_OK)
                    .body("items.id", equalTo(List.of(onlyPost)))
                    .body("items[0].author.displayName", equalTo(gold.displayName()));
        }
        for (String token : List.of(silver.token(), TestTokens.newMember())) {
            given().auth()
                    .oauth2(token)
                    .when()
                    .get("/api/community/spaces/{id}/posts", lounge)
                    .then()
                    .statusCode(SC_NOT_FOUND)
                    .contentType("application/problem+json")
                    .body("detail", equalTo("no space " + lounge));
        }
    }

    @Test
    void aSpaceWithoutPostsHasAnEmptyFeedAndNoSpaceIs404() {
        given().auth()
                .oauth2(reader.token())
                .when()
                .get("/api/community/spaces/{id}/posts", newSpace())
                .then()
                .statusCode(SC_OK)
                .body("items", equalTo(List.of()))
                .body("nextCursor", equalTo(null));
        given().auth()
                .oauth2(CommunityApi.MARKETER)
                .queryParam("sort", "unanswered")
                .when()
                .get("/api/community/spaces/{id}/posts", UUID.randomUUID())
                .then()
                .statusCode(SC_NOT_FOUND);
    }

    @Test
    @SendsInvalidRequests("a limit of 0, to see it refused")
    void badCursorsSortsAndLimitsAre400() {
        given().auth()
                .oauth2(reader.token())
                .queryParam("cursor", "bm90IGEgY3Vyc29y")
                .when()
                .get("/api/community/spaces/{id}/posts", space)
                .then()
                .statusCode(SC_BAD_REQUEST)
                .contentType("application/problem+json")
                .body("type", containsString("bad-cursor"));
        Member a = api.member();
        newPost(a, space, "DISCUSSION");
        newPost(a, space, "DISCUSSION");
        String newestCursor = page("newest", null, 1).getString("nextCursor");
        given().auth()
                .oauth2(reader.token())
                .queryParam("sort", "active")
                .queryParam("cursor", newestCursor)
                .when()
                .get("/api/community/spaces/{id}/posts", space)
                .then()
                .statusCode(SC_BAD_REQUEST);
        given().auth()
                .oauth2(reader.token())
                .queryParam("sort", "popular")
                .when()
                .get("/api/community/spaces/{id}/posts", space)
                .then()
                .statusCode(SC_BAD_REQUEST)
                .body("type", containsString("bad-sort"));
        given().auth()
                .oauth2(reader.token())
                .queryParam("limit", 0)
                .when()
                .get("/api/community/spaces/{id}/posts", space)
                .then()
                .statusCode(SC_BAD_REQUEST);
        given().auth()
                .oauth2(reader.token())
                .when()
                .get("/api/community/spaces/{id}/posts", UUID.randomUUID())
                .then()
                .statusCode(SC_NOT_FOUND);
    }

    /** Each order reads a page as one backward scan of its partial index, from the cursor on. */
    @Test
    void aPageIsOneIndexRangeScanEvenInABigSpace() {
        UUID big = UUID.fromString(newSpace());
        Member a = api.member();
        api.update("""
                insert into post (id, space_id, author_subject, author_member_id, kind, title, body, created_at,
                                  last_activity_at, answer_count)
                select gen_random_uuid(), ?, ?, ?, case when i % 4 = 0 then 'QUESTION' else 'DISCUSSION' end,
                       't' || i, 'b', now() - i * interval '1 second', now() - i * interval '1 second', i % 8 / 4
                from generate_series(1, 50000) i""", big, a.subject(), a.memberId());
        api.update("analyze post");
        Instant cursorAt = Instant.now().minusSeconds(25000);
        Map<FeedOrder, String> indexes = Map.of(
                FeedOrder.NEWEST, "post_feed_newest",
                FeedOrder.ACTIVE, "post_feed_active",
                FeedOrder.UNANSWERED, "post_feed_unanswered");
        for (FeedOrder order : FeedOrder.values()) {
            // the service's own statement, for a member who is not staff, from a cursor deep in the space
            String plan = api
                    .rows(
                            "explain " + FeedRepository.sql(order, true, 21),
                            Timestamp.from(cursorAt),
                            UUID.randomUUID(),
                            big,
                            false,
                            reader.subject())
                    .stream()
                    .map(r -> (String) r[0])
                    .collect(Collectors.joining("\n"));
            assertTrue(plan.contains("Index Scan Backward using " + indexes.get(order)), plan);
            assertTrue(!plan.contains("Seq Scan on post"), plan);
            // as the service runs it: a prepared statement, whose generic plan knows neither space nor cursor
            String generic = String.join(
                    "\n",
                    api.onOneConnection(
                            "set plan_cache_mode = force_generic_plan",
                            "prepare feed_page_" + order + "(timestamptz, uuid, uuid, boolean, text) as "
                                    + numbered(FeedRepository.sql(order, true, 21)),
                            "explain execute feed_page_" + order + "(now() - interval '25000 seconds', '"
                                    + UUID.randomUUID() + "', '" + big + "', false, '" + reader.subject() + "')"));
            assertTrue(generic.contains("Index Scan Backward using " + indexes.get(order)), generic);
            assertTrue(!generic.contains("Seq Scan on post"), generic);
        }
        given().auth()
                .oauth2(reader.token())
                .queryParam("limit", 50)
                .when()
                .get("/api/community/spaces/{id}/posts", big)
                .then()
                .statusCode(SC_OK)
                .body("items.size()", equalTo(50));
    }

    /** A JDBC statement's {@code ?} parameters as {@code $1, $2, ...}, for {@code prepare}. */
    private static String numbered(String sql) {
        StringBuilder s = new StringBuilder();
        int n = 0;
        for (char c : sql.toCharArray()) {
            if (c == '?') {
                s.append('$').append(++n);
            } else {
                s.append(c);
            }
        }
        return s.toString();
    }

    private JsonPath page(String sort, String cursor, int limit) {
        var request =
                given().auth().oauth2(reader.token()).queryParam("sort", sort).queryParam("limit", limit);
        if (cursor != null) {
            request.queryParam("cursor", cursor);
        }
        return request.when()
                .get("/api/community/spaces/{id}/posts", space)
                .then()
                .statusCode(SC_OK)
                .extract()
                .jsonPath();
    }

    private static List<String> ids(JsonPath page) {
        return page.getList("items.id", String.class);
    }
}
