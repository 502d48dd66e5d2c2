package com.example.loyalty.community.rest;

import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_BAD_REQUEST;
import static org.apache.http.HttpStatus.SC_CREATED;
import static org.apache.http.HttpStatus.SC_FORBIDDEN;
import static org.apache.http.HttpStatus.SC_NOT_FOUND;
import static org.apache.http.HttpStatus.SC_OK;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.community.CommunityApi;
import com.example.loyalty.community.support.ModerationFixtures;
import com.example.loyalty.community.support.ModerationFixtures.Member;
import com.example.loyalty.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SearchResourceTest {

    private static final String SEARCH = "/api/community/search";
    private static final String MARKETER = TestTokens.token("marketer-search", "marketer");

    @Inject
    ModerationFixtures fixtures;

    @Inject
    AgroalDataSource dataSource;

    private static ValidatableResponse search(String token, String q, String space) {
        var request = given().auth().oauth2(token).queryParam("q", q);
        if (space != null) {
            request = request.queryParam("space", space);
        }
        return request.when().get(SEARCH).then();
    }

    private static String word() {
        return "zq"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 10).replaceAll("[0-9]", "x");
    }

    @Test
    void englishWordsAreFoundByPrefixInTitleTagsAndBodyTitleFirst() {
        Member author = fixtures.member("Aiko", "GOLD");
        Member reader = fixtures.member("Ben", "SILVER");
        UUID space = fixtures.space("brewing " + word());
        String w = word();
        Instant now = Instant.now();
        UUID inBody = fixtures.post(
                space, author.id(), "DISCUSSION", "Morning routine", "I grind " + w + " beans daily", List.of(), now);
        UUID inTitle = fixtures.post(
                space,
                author.id(),
                "DISCUSSION",
                "Cold " + w + " brew ratio",
                "ratios",
                List.of(),
                now.minusSeconds(60));
        UUID inTag = fixtures.post(
                space, author.id(), "QUESTION", "Which kettle?", "gooseneck or not", List.of(w, "kettle"), now);
        UUID other = fixtures.post(space, author.id(), "Unrelated", "nothing here", now);

        search(reader.token(), w, null)
                .statusCode(SC_OK)
                .body("items.id", contains(inTitle.toString(), inTag.toString(), inBody.toString()))
                .body("items[0].title", equalTo("Cold " + w + " brew ratio"))
                .body("items[0].spaceId", equalTo(space.toString()))
                .body("items[0].kind", equalTo("DISCUSSION"))
                .body("items[0].authorName", equalTo("Aiko"))
                .body("items[1].tags", contains(w, "kettle"))
                .body("items.matchedIn", contains("POST", "POST", "POST"))
                .body("nextCursor", nullValue());
        // a prefix, any case, and every word must occur
        search(reader.token(), w.substring(0, 8).toUpperCase(), null)
                .statusCode(SC_OK)
                .body("items", hasSize(3));
        search(reader.token(), "cold " + w, null).statusCode(SC_OK).body("items.id", contains(inTitle.toString()));
        search(reader.token(), w + " nowhereword", null).statusCode(SC_OK).body("items", empty());
        search(reader.token(), w, space.toString()).statusCode(SC_OK).body("items", hasSize(3));
        search(reader.token(), "unrelated " + w, null).statusCode(SC_OK).body("items", empty());
        // an edit (whoever writes it) changes what finds the post
        fixtures.set("post", other, "title", "Now about " + w);
        search(reader.token(), w, null).statusCode(SC_OK).body("items", hasSize(4));
        fixtures.set("post", inTitle, "title", "Cold brew ratio");
        search(reader.token(), w, null)
                .statusCode(SC_OK)
                .body("items.id", contains(other.toString(), inTag.toString(), inBody.toString()));
    }

    @Test
    void japaneseIsFoundByAnySubstring() {
        Member author = fixtures.member("さくら", "GOLD");
        UUID space = fixtures.space("コーヒー " + word());
        Instant now = Instant.now();
        UUID temperature =
                fixtures.post(space, author.id(), "QUESTION", "コーヒーの抽出温度について", "何度がいいですか？", List.of("ハンドドリップ"), now);
        UUID beans = fixtures.post(space, author.id(), "豆の保存方法", "冷凍庫で保存しています。抽出前に常温に戻します", now);
        UUID english = fixtures.post(space, author.id(), "Latte art", "Milk at 60 degrees", now);
        String s = space.toString();

        search(author.token(), "抽出", s)
                .statusCode(SC_OK)
                .body("items.id", contains(temperature.toString(), beans.toString()))
                .body("items[0].title", equalTo("コーヒーの抽出温度について"));
        search(author.token(), "抽出温度", s).statusCode(SC_OK).body("items.id", contains(temperature.toString()));
        search(author.token(), "ドリップ", s).statusCode(SC_OK).body("items.id", contains(temperature.toString()));
        search(author.token(), "冷凍", s).statusCode(SC_OK).body("items.id", contains(beans.toString()));
        // one character: anywhere, the last of a run included
        search(author.token(), "庫", s).statusCode(SC_OK).body("items.id", contains(beans.toString()));
        search(author.token(), "か", s).statusCode(SC_OK).body("items.id", contains(temperature.toString()));
        search(author.token(), "て", s).statusCode(SC_OK).body("items", hasSize(2));
        // the characters must be adjacent, in this order
        search(author.token(), "抽温", s).statusCode(SC_OK).body("items", empty());
        search(author.token(), "温度抽出", s).statusCode(SC_OK).body("items", empty());
        // mixed Japanese and Latin: both required
        search(author.token(), "latte 抽出", s).statusCode(SC_OK).body("items", empty());
        search(author.token(), "milk", s).statusCode(SC_OK).body("items.id", contains(english.toString()));
    }

    @Test
    void hiddenDeletedAndUnseenPostsAreNotFound() {
        Member author = fixtures.member("Chie", "GOLD");
        Member silver = fixtures.member("Dan", "SILVER");
        UUID open = fixtures.space("open " + word());
        UUID goldOnly = fixtures.space("gold lounge " + word(), "GOLD");
        String w = word();
        Instant now = Instant.now();
        UUID visible = fixtures.post(open, author.id(), "Visible " + w, "body", now);
        UUID hidden = fixtures.post(open, author.id(), "Hidden " + w, "body", now);
        UUID deleted = fixtures.post(open, author.id(), "Deleted " + w, "body", now);
        UUID gold = fixtures.post(goldOnly, author.id(), "Gold " + w, "body", now);
        fixtures.set("post", hidden, "hidden_at", now);
        fixtures.set("post", deleted, "deleted_at", now);

        search(silver.token(), w, null).statusCode(SC_OK).body("items.id", contains(visible.toString()));
        search(author.token(), w, null).statusCode(SC_OK).body("items", hasSize(2));
        search(MARKETER, w, null).statusCode(SC_OK).body("items", hasSize(2));
        search(silver.token(), w, goldOnly.toString())
                .statusCode(SC_NOT_FOUND)
                .body("type", equalTo("https://loyalty.example.com/problems/space-not-found"));
        search(MARKETER, w, goldOnly.toString()).statusCode(SC_OK).body("items.id", contains(gold.toString()));
        // a member whose enrolment has not arrived yet sees the all-members spaces
        search(TestTokens.newMember(), w, null).statusCode(SC_OK).body("items.id", contains(visible.toString()));
    }

    @Test
    void postsWrittenAndEditedThroughTheApiAreFoundByWhatTheySayNow() {
        CommunityApi api = new CommunityApi(dataSource);
        CommunityApi.Member author = api.member();
        String space = CommunityApi.newSpace();
        Map<String, Object> body = CommunityApi.post("QUESTION", "ドリップの蒸らし時間は何秒？");
        body.put("body", "Bloom time for a V60");
        body.put("tags", List.of("pourover"));
        String id = CommunityApi.createPost(author.token(), space, body)
                .statusCode(SC_CREATED)
                .extract()
                .path("id");
        search(author.token(), "蒸らし", space).statusCode(SC_OK).body("items.id", contains(id));
        search(author.token(), "bloom v60", space).statusCode(SC_OK).body("items.id", contains(id));
        search(author.token(), "pourov", space).statusCode(SC_OK).body("items.id", contains(id));

        given().auth()
                .oauth2(author.token())
                .contentType(ContentType.JSON)
                .body(Map.of("title", "エスプレッソの抽出圧力", "tags", List.of("espresso")))
                .when()
                .patch("/api/community/posts/{id}", id)
                .then()
                .statusCode(SC_OK);
        search(author.token(), "蒸らし", space).statusCode(SC_OK).body("items", empty());
        search(author.token(), "pourover", space).statusCode(SC_OK).body("items", empty());
        search(author.token(), "抽出圧力", space).statusCode(SC_OK).body("items.id", contains(id));
        search(author.token(), "espresso bloom", space).statusCode(SC_OK).body("items.id", contains(id));
    }

    @Test
    void aPostIsFoundByItsVisibleCommentsBelowItsOwnWords() {
        Member author = fixtures.member("Fumi", "GOLD");
        UUID space = fixtures.space("comments " + word());
        String w = word();
        Instant now = Instant.now();
        UUID own = fixtures.post(space, author.id(), "Plain title", "talks about " + w, now.minusSeconds(60));
        UUID commented = fixtures.post(space, author.id(), "Another", "nothing", now);
        fixtures.comment(commented, author.id(), false, now);
        UUID japanese = fixtures.comment(commented, author.id(), false, now);
        fixtures.set("comment", japanese, "body", "焙煎度合いで " + w + " が変わります");
        UUID hiddenOnly = fixtures.post(space, author.id(), "Third", "nothing", now);
        UUID hiddenComment = fixtures.comment(hiddenOnly, author.id(), false, now);
        fixtures.set("comment", hiddenComment, "body", "also " + w);
        fixtures.set("comment", hiddenComment, "hidden_at", now);

        search(author.token(), w, space.toString())
                .statusCode(SC_OK)
                .body("items.id", contains(own.toString(), commented.toString()))
                .body("items.matchedIn", contains("POST", "COMMENTS"));
        search(author.token(), "焙煎", space.toString())
                .statusCode(SC_OK)
                .body("items.id", contains(commented.toString()));
    }

    /** The query is folded to a constant tsquery at planning, so a search is a lookup in the GIN index. */
    @Test
    void aSearchIsAnIndexLookupEvenWithManyPosts() {
        CommunityApi api = new CommunityApi(dataSource);
        Member author = fixtures.member("Gen", "GOLD");
        UUID space = fixtures.space("many " + word());
        api.update("""
                insert into post (id, space_id, author_subject, author_member_id, kind, title, body, created_at,
                                  last_activity_at)
                select gen_random_uuid(), ?, ?, ?, 'DISCUSSION', 'filler title ' || i, '日本語の本文 filler ' || i,
                       now(), now()
                from generate_series(1, 20000) i""", space, author.subject(), author.id());
        // what autovacuum does: moves the bulk insert out of the GIN index's pending list, and gathers statistics
        api.update("vacuum analyze post_search");
        for (String q : List.of("zqrareword", "抽出温度")) {
            String plan = api
                    .rows("explain select post_id from post_search where document @@ community_search_query(?)", q)
                    .stream()
                    .map(r -> (String) r[0])
                    .collect(Collectors.joining("\n"));
            assertTrue(plan.contains("Bitmap Index Scan on post_search_document"), plan);
        }
        search(author.token(), "本文 filler 19999", space.toString())
                .statusCode(SC_OK)
                .body("items", hasSize(1))
                .body("items[0].title", equalTo("filler title 19999"));
    }

    @Test
    void pagesFollowTheRanking() {
        Member author = fixtures.member("Emi", "GOLD");
        UUID space = fixtures.space("paging " + word());
        String w = word();
        Instant now = Instant.now();
        UUID first = fixtures.post(space, author.id(), "A " + w, "x", now);
        UUID second = fixtures.post(space, author.id(), "B " + w, "x", now.minusSeconds(10));
        UUID third = fixtures.post(space, author.id(), "C " + w, "x", now.minusSeconds(20));

        String cursor = given().auth()
                .oauth2(author.token())
                .queryParam("q", w)
                .queryParam("limit", 2)
                .when()
                .get(SEARCH)
                .then()
                .statusCode(SC_OK)
                .body("items.id", contains(first.toString(), second.toString()))
                .body("nextCursor", notNullValue())
                .extract()
                .path("nextCursor");
        given().auth()
                .oauth2(author.token())
                .queryParam("q", w)
                .queryParam("limit", 2)
                .queryParam("cursor", cursor)
                .when()
                .get(SEARCH)
                .then()
                .statusCode(SC_OK)
                .body("items.id", contains(third.toString()))
                .body("nextCursor", nullValue());
    }

    @Test
    void badSearchesAre400ProblemsAndRolesAreChecked() {
        String token = TestTokens.newMember();
        given().auth()
                .oauth2(token)
                .when()
                .get(SEARCH)
                .then()
                .statusCode(SC_BAD_REQUEST)
                .contentType("application/problem+json")
                .body("type", equalTo("https://loyalty.example.com/problems/bad-query"));
        search(token, "   ", null).statusCode(SC_BAD_REQUEST);
        search(token, "a".repeat(201), null).statusCode(SC_BAD_REQUEST);
        search(token, "coffee", "not-a-uuid")
                .statusCode(SC_BAD_REQUEST)
                .body("type", equalTo("https://loyalty.example.com/problems/bad-id"));
        search(token, "coffee", UUID.randomUUID().toString()).statusCode(SC_NOT_FOUND);
        for (String limit : new String[] {"0", "51", "many"}) {
            given().auth()
                    .oauth2(token)
                    .queryParam("q", "coffee")
                    .queryParam("limit", limit)
                    .when()
                    .get(SEARCH)
                    .then()
                    .statusCode(SC_BAD_REQUEST)
                    .body("type", equalTo("https://loyalty.example.com/problems/bad-limit"));
        }
        for (String cursor : new String[] {"garbage!", "czF8LTE", "eHx4"}) {
            given().auth()
                    .oauth2(token)
                    .queryParam("q", "coffee")
                    .queryParam("cursor", cursor)
                    .when()
                    .get(SEARCH)
                    .then()
                    .statusCode(SC_BAD_REQUEST)
                    .body("type", equalTo("https://loyalty.example.com/problems/bad-cursor"));
        }
        // nothing searchable in it: no hits rather than an error
        search(token, "!!! ???", null).statusCode(SC_OK).body("items", empty());
        // tsquery syntax, quotes and backslashes are text to find, never query syntax
        for (String q : List.of("<-> & | ! ( ) :* '", "o'neil \\ x:*", "a.b@c.com /usr/bin", "한국어 ｶﾀｶﾅ 😀")) {
            search(token, q, null).statusCode(SC_OK);
        }
        search(TestTokens.token("staff-search", "staff"), "coffee", null).statusCode(SC_FORBIDDEN);
    }
}
