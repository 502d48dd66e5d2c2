package com.example.loyalty.community.rest;

import static com.example.loyalty.community.CommunityApi.MARKETER;
import static com.example.loyalty.community.CommunityApi.accept;
import static com.example.loyalty.community.CommunityApi.comment;
import static com.example.loyalty.community.CommunityApi.getPost;
import static com.example.loyalty.community.CommunityApi.newPost;
import static com.example.loyalty.community.CommunityApi.newSpace;
import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_BAD_REQUEST;
import static org.apache.http.HttpStatus.SC_CREATED;
import static org.apache.http.HttpStatus.SC_FORBIDDEN;
import static org.apache.http.HttpStatus.SC_NOT_FOUND;
import static org.apache.http.HttpStatus.SC_NO_CONTENT;
import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_UNPROCESSABLE_ENTITY;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.loyalty.community.CommunityApi;
import com.example.loyalty.community.CommunityApi.Member;
import com.example.loyalty.testing.contract.ContractValidation;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CommentResourceTest {

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
    void anotherMembersCommentOnAQuestionIsAnAnswerTheAskersIsNot() {
        Member asker = api.member();
        Member answerer = api.member();
        String question = newPost(asker, space, "QUESTION");

        comment(answerer.token(), question, "Try decaf")
                .statusCode(SC_CREATED)
                .body("answer", equalTo(true))
                .body("author.displayName", equalTo(answerer.displayName()))
                .body("body", equalTo("Try decaf"));
        comment(asker.token(), question, "Thanks, will do")
                .statusCode(SC_CREATED)
                .body("answer", equalTo(false));

        getPost(asker.token(), question)
                .body("commentCount", equalTo(2))
                .body("answerCount", equalTo(1))
                .body("solved", equalTo(false));
        assertEquals(List.of("ANSWER"), api.standing(answerer));
        assertEquals(10, api.score(answerer));
        assertEquals(List.of("POST"), api.standing(asker));
    }

    @Test
    void aCommentOnADiscussionIsNoAnswer() {
        Member author = api.member();
        Member other = api.member();
        String discussion = newPost(author, space, "DISCUSSION");
        comment(other.token(), discussion, "Nice").statusCode(SC_CREATED).body("answer", equalTo(false));
        assertEquals(List.of(), api.standing(other));
        getPost(author.token(), discussion).body("commentCount", equalTo(1)).body("answerCount", equalTo(0));
    }

    @Test
    void emptyOrLongCommentsAreRefusedAndNothingChanges() {
        Member m = api.member();
        String post = newPost(m, space, "DISCUSSION");
        comment(m.token(), post, " ").statusCode(SC_UNPROCESSABLE_ENTITY).body("errors[0].field", equalTo("body"));
        comment(m.token(), post, "x".repeat(5001)).statusCode(SC_UNPROCESSABLE_ENTITY);
        comment(m.token(), UUID.randomUUID().toString(), "hi").statusCode(SC_NOT_FOUND);
        getPost(m.token(), post).body("commentCount", equalTo(0));
        assertEquals(0, api.count("select count(*) from comment where post_id = ?", UUID.fromString(post)));
    }

    @Test
    void theAskerAcceptsAnAnswerAndItsAuthorEarns() {
        Member asker = api.member();
        Member answerer = api.member();
        String question = newPost(asker, space, "QUESTION");
        String answer = comment(answerer.token(), question, "42").extract().path("id");

        accept(asker.token(), question, answer)
                .statusCode(SC_OK)
                .body("acceptedCommentId", equalTo(answer))
                .body("solved", equalTo(true))
                .body("previousCommentId", nullValue());
        getPost(answerer.token(), question).body("solved", equalTo(true)).body("acceptedCommentId", equalTo(answer));
        assertEquals(List.of("ANSWER", "ACCEPTED_ANSWER"), api.standing(answerer));
        assertEquals(40, api.score(answerer));
        assertEquals(
                asker.memberId().toString(),
                api.single(
                        "select actor_id from contribution where kind = 'ACCEPTED_ANSWER' and source_id = ?",
                        UUID.fromString(answer)));
        // accepting it again changes nothing
        accept(asker.token(), question, answer).statusCode(SC_OK);
        assertEquals(40, api.score(answerer));
        String listed = given().auth()
                .oauth2(asker.token())
                .when()
                .get("/api/community/posts/{id}/comments", question)
                .then()
                .statusCode(SC_OK)
                .extract()
                .path("items[0].accepted")
                .toString();
        assertEquals("true", listed);
    }

    @Test
    void movingTheAcceptanceRevokesThePreviousOnceAndForAll() {
        Member asker = api.member();
        Member first = api.member();
        Member second = api.member();
        String question = newPost(asker, space, "QUESTION");
        String a1 = comment(first.token(), question, "A").extract().path("id");
        String a2 = comment(second.token(), question, "B").extract().path("id");

        accept(asker.token(), question, a1).statusCode(SC_OK);
        accept(asker.token(), question, a2)
                .statusCode(SC_OK)
                .body("acceptedCommentId", equalTo(a2))
                .body("previousCommentId", equalTo(a1));
        assertEquals(List.of("ANSWER"), api.standing(first));
        assertEquals(10, api.score(first));
        assertEquals(List.of("ANSWER", "ACCEPTED_ANSWER"), api.standing(second));
        // moving it back does not pay the first answer a second time
        accept(asker.token(), question, a1).statusCode(SC_OK).body("acceptedCommentId", equalTo(a1));
        assertEquals(10, api.score(first));
        assertEquals(10, api.score(second));
        getPost(asker.token(), question).body("acceptedCommentId", equalTo(a1)).body("solved", equalTo(true));
    }

    @Test
    void onlyTheAskerOrAMarketerAccepts() {
        Member asker = api.member();
        Member answerer = api.member();
        Member stranger = api.member();
        String question = newPost(asker, space, "QUESTION");
        String answer = comment(answerer.token(), question, "42").extract().path("id");

        accept(stranger.token(), question, answer).statusCode(SC_FORBIDDEN).body("type", containsString("not-asker"));
        accept(answerer.token(), question, answer).statusCode(SC_FORBIDDEN);
        assertEquals(List.of("ANSWER"), api.standing(answerer));

        accept(MARKETER, question, answer).statusCode(SC_OK);
        assertEquals(List.of("ANSWER", "ACCEPTED_ANSWER"), api.standing(answerer));
    }

    @Test
    void acceptingOwnCommentEarnsNothingAndBadTargetsAre422() throws Exception {
        Member asker = api.member();
        String question = newPost(asker, space, "QUESTION");
        String own =
                comment(asker.token(), question, "Solved it myself").extract().path("id");
        accept(asker.token(), question, own).statusCode(SC_OK).body("solved", equalTo(true));
        assertEquals(List.of("POST"), api.standing(asker));

        accept(asker.token(), question, UUID.randomUUID().toString())
                .statusCode(SC_UNPROCESSABLE_ENTITY)
                .body("type", containsString("no-such-answer"));
        String otherQuestion = newPost(asker, space, "QUESTION");
        accept(asker.token(), otherQuestion, own).statusCode(SC_UNPROCESSABLE_ENTITY);
        String discussion = newPost(asker, space, "DISCUSSION");
        String c = comment(api.member().token(), discussion, "x").extract().path("id");
        accept(asker.token(), discussion, c)
                .statusCode(SC_UNPROCESSABLE_ENTITY)
                .body("type", containsString("not-a-question"));
        // no commentId, which the document requires
        ContractValidation.withoutRequestChecks(() -> given().auth()
                .oauth2(asker.token())
                .contentType(ContentType.JSON)
                .body(Map.of())
                .when()
                .post("/api/community/posts/{id}/accepted-answer", question)
                .then()
                .statusCode(SC_BAD_REQUEST));
    }

    @Test
    void commentsPageOldestFirstEachExactlyOnce() {
        Member author = api.member();
        String post = newPost(author, space, "DISCUSSION");
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Member m = api.member();
            written.add(comment(m.token(), post, "c" + i).extract().path("id"));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().auth().oauth2(author.token()).queryParam("limit", 3);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.when()
                    .get("/api/community/posts/{id}/comments", post)
                    .then()
                    .statusCode(SC_OK)
                    .extract()
                    .jsonPath();
            seen.addAll(page.getList("items.id", String.class));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 10);
        assertEquals(written, seen);
        assertEquals(3, pages);
        given().auth()
                .oauth2(author.token())
                .queryParam("cursor", "garbage")
                .when()
                .get("/api/community/posts/{id}/comments", post)
                .then()
                .statusCode(SC_BAD_REQUEST)
                .body("type", containsString("bad-cursor"));
    }

    @Test
    void theAuthorEditsAndDeletesAComment() {
        Member asker = api.member();
        Member answerer = api.member();
        String question = newPost(asker, space, "QUESTION");
        String answer = comment(answerer.token(), question, "first").extract().path("id");
        accept(asker.token(), question, answer).statusCode(SC_OK);

        given().auth()
                .oauth2(asker.token())
                .contentType(ContentType.JSON)
                .body(Map.of("body", "mine now"))
                .when()
                .patch("/api/community/comments/{id}", answer)
                .then()
                .statusCode(SC_FORBIDDEN);
        given().auth()
                .oauth2(answerer.token())
                .contentType(ContentType.JSON)
                .body(Map.of("body", "second"))
                .when()
                .patch("/api/community/comments/{id}", answer)
                .then()
                .statusCode(SC_OK)
                .body("body", equalTo("second"))
                .body("editedAt", notNullValue());
        given().auth()
                .oauth2(asker.token())
                .when()
                .get("/api/community/comments/{id}/history", answer)
                .then()
                .statusCode(SC_OK)
                .body("", hasSize(1))
                .body("[0].body", equalTo("first"));

        given().auth()
                .oauth2(answerer.token())
                .when()
                .delete("/api/community/comments/{id}", answer)
                .then()
                .statusCode(SC_NO_CONTENT);
        getPost(asker.token(), question)
                .body("commentCount", equalTo(0))
                .body("answerCount", equalTo(0))
                .body("solved", equalTo(false));
        assertEquals(List.of(), api.standing(answerer));
        assertEquals(0, api.score(answerer));
        given().auth()
                .oauth2(asker.token())
                .when()
                .get("/api/community/posts/{id}/comments", question)
                .then()
                .body("items", hasSize(0));
    }
}
