package com.example.loyalty.community.rest;

import static com.example.loyalty.community.CommunityApi.comment;
import static com.example.loyalty.community.CommunityApi.getPost;
import static com.example.loyalty.community.CommunityApi.newPost;
import static com.example.loyalty.community.CommunityApi.newSpace;
import static com.example.loyalty.community.CommunityApi.react;
import static com.example.loyalty.community.CommunityApi.unreact;
import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_CONFLICT;
import static org.apache.http.HttpStatus.SC_CREATED;
import static org.apache.http.HttpStatus.SC_NOT_FOUND;
import static org.apache.http.HttpStatus.SC_NO_CONTENT;
import static org.apache.http.HttpStatus.SC_UNPROCESSABLE_ENTITY;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.loyalty.community.CommunityApi;
import com.example.loyalty.community.CommunityApi.Member;
import com.example.loyalty.testing.Concurrently;
import com.example.loyalty.testing.contract.ContractValidation;
import com.example.loyalty.testing.contract.SendsInvalidRequests;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReactionResourceTest {

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
    void aReactionCountsAndTheAuthorReceivesIt() throws Exception {
        Member author = api.member();
        Member fan = api.member();
        String post = newPost(author, space, "DISCUSSION");

        // the kind in lower case: the document lists the upper-case names, the service takes any case
        String reactionId = ContractValidation.withoutRequestChecks(() -> react(fan.token(), post, "helpful")
                .statusCode(SC_CREATED)
                .body("id", notNullValue())
                .body("kind", equalTo("HELPFUL"))
                .body("targetType", equalTo("POST"))
                .extract()
                .path("id"));
        getPost(fan.token(), post)
                .body("reactions.HELPFUL", equalTo(1))
                .body("reactions.LIKE", equalTo(0))
                .body("myReactions", contains("HELPFUL"));
        getPost(author.token(), post).body("myReactions", empty());
        assertEquals(List.of("POST", "REACTION_RECEIVED"), api.standing(author));
        assertEquals(6, api.score(author));
        assertEquals(
                fan.memberId().toString(),
                api.single(
                        "select actor_id from contribution where kind = 'REACTION_RECEIVED' and source_id = ?",
                        UUID.fromString(reactionId)));
    }

    @Test
    void reactingTwiceIs409AndChangesNothing() {
        Member author = api.member();
        Member fan = api.member();
        String post = newPost(author, space, "DISCUSSION");
        react(fan.token(), post, "LIKE").statusCode(SC_CREATED);
        react(fan.token(), post, "LIKE")
                .statusCode(SC_CONFLICT)
                .contentType("application/problem+json")
                .body("type", containsString("already-reacted"));
        // another kind is another reaction
        react(fan.token(), post, "THANKS").statusCode(SC_CREATED);
        getPost(fan.token(), post)
                .body("reactions.LIKE", equalTo(1))
                .body("reactions.THANKS", equalTo(1))
                .body("myReactions", contains("LIKE", "THANKS"));
        assertEquals(7, api.score(author));
    }

    @Test
    void racingReactionsOfOneMemberCountOnce() throws Exception {
        Member author = api.member();
        Member fan = api.member();
        String post = newPost(author, space, "DISCUSSION");
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(() -> react(fan.token(), post, "LIKE").extract().statusCode());
        }
        List<Integer> statuses = Concurrently.run(calls);
        assertEquals(1, statuses.stream().filter(s -> s == SC_CREATED).count(), statuses.toString());
        assertEquals(5, statuses.stream().filter(s -> s == SC_CONFLICT).count(), statuses.toString());
        getPost(fan.token(), post).body("reactions.LIKE", equalTo(1));
        assertEquals(1, api.count("select count(*) from reaction where target_id = ?", UUID.fromString(post)));
        assertEquals(6, api.score(author));
    }

    @Test
    void manyMembersReactingAtOnceAreAllCounted() throws Exception {
        Member author = api.member();
        String post = newPost(author, space, "DISCUSSION");
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Member fan = api.member();
            calls.add(() -> react(fan.token(), post, "LIKE").extract().statusCode());
        }
        List<Integer> statuses = Concurrently.run(calls);
        assertEquals(List.of(201, 201, 201, 201, 201, 201, 201, 201), statuses);
        getPost(author.token(), post).body("reactions.LIKE", equalTo(8));
        assertEquals(5 + 8, api.score(author));
    }

    @Test
    void takingItBackRevokesWhatTheAuthorReceived() {
        Member author = api.member();
        Member fan = api.member();
        String post = newPost(author, space, "DISCUSSION");
        react(fan.token(), post, "LIKE").statusCode(SC_CREATED);
        unreact(fan.token(), post, "LIKE").statusCode(SC_NO_CONTENT);
        getPost(fan.token(), post).body("reactions.LIKE", equalTo(0)).body("myReactions", empty());
        assertEquals(List.of("POST"), api.standing(author));
        assertEquals(5, api.score(author));
        unreact(fan.token(), post, "LIKE").statusCode(SC_NOT_FOUND).body("type", containsString("reaction-not-found"));
        // given again: a new reaction, received again
        react(fan.token(), post, "LIKE").statusCode(SC_CREATED);
        assertEquals(6, api.score(author));
        unreact(fan.token(), post, "WOW").statusCode(SC_UNPROCESSABLE_ENTITY);
    }

    @Test
    @SendsInvalidRequests("a reaction of a kind the document does not list, to see it refused")
    void reactingToOnesOwnPostEarnsNothingAndUnknownKindsAreRefused() {
        Member author = api.member();
        String post = newPost(author, space, "DISCUSSION");
        react(author.token(), post, "LIKE").statusCode(SC_CREATED);
        assertEquals(List.of("POST"), api.standing(author));
        react(author.token(), post, "LOVE")
                .statusCode(SC_UNPROCESSABLE_ENTITY)
                .body("errors[0].field", equalTo("kind"));
        react(author.token(), UUID.randomUUID().toString(), "LIKE").statusCode(SC_NOT_FOUND);
    }

    @Test
    void commentsTakeReactionsToo() {
        Member author = api.member();
        Member commenter = api.member();
        Member fan = api.member();
        String post = newPost(author, space, "DISCUSSION");
        String c = comment(commenter.token(), post, "hi").extract().path("id");
        given().auth()
                .oauth2(fan.token())
                .contentType(ContentType.JSON)
                .body(Map.of("kind", "THANKS"))
                .when()
                .post("/api/community/comments/{id}/reactions", c)
                .then()
                .statusCode(SC_CREATED)
                .body("targetType", equalTo("COMMENT"));
        given().auth()
                .oauth2(fan.token())
                .contentType(ContentType.JSON)
                .body(Map.of("kind", "THANKS"))
                .when()
                .post("/api/community/comments/{id}/reactions", c)
                .then()
                .statusCode(SC_CONFLICT);
        given().auth()
                .oauth2(fan.token())
                .when()
                .get("/api/community/posts/{id}/comments", post)
                .then()
                .body("items[0].reactions.THANKS", equalTo(1))
                .body("items[0].myReactions", contains("THANKS"));
        assertEquals(List.of("REACTION_RECEIVED"), api.standing(commenter));
        given().auth()
                .oauth2(fan.token())
                .when()
                .delete("/api/community/comments/{id}/reactions/{kind}", c, "THANKS")
                .then()
                .statusCode(SC_NO_CONTENT);
        assertEquals(List.of(), api.standing(commenter));
        getPost(author.token(), post).body("reactions.THANKS", equalTo(0));
    }
}
