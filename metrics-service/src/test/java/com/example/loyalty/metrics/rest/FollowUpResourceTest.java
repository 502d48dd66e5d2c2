package com.example.loyalty.metrics.rest;

import static com.example.loyalty.metrics.TestEvents.ADMIN;
import static com.example.loyalty.metrics.TestEvents.MARKETER;
import static com.example.loyalty.metrics.TestEvents.PATIENCE;
import static com.example.loyalty.metrics.TestSurveys.FOLLOW_UP;
import static com.example.loyalty.metrics.TestSurveys.FOLLOW_UPS;
import static com.example.loyalty.metrics.TestSurveys.felt;
import static com.example.loyalty.metrics.TestSurveys.nps;
import static com.example.loyalty.metrics.TestSurveys.response;
import static com.example.loyalty.metrics.TestSurveys.score;
import static com.example.loyalty.metrics.TestSurveys.text;
import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_BAD_REQUEST;
import static org.apache.http.HttpStatus.SC_CONFLICT;
import static org.apache.http.HttpStatus.SC_FORBIDDEN;
import static org.apache.http.HttpStatus.SC_NOT_FOUND;
import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_UNAUTHORIZED;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.events.EventEnvelope;
import com.example.loyalty.events.EventJson;
import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.FollowUpOpened;
import com.example.loyalty.events.Topics;
import com.example.loyalty.metrics.TestSurveys;
import com.example.loyalty.metrics.domain.ValidatedResponse;
import com.example.loyalty.metrics.service.SurveyResponseService;
import com.example.loyalty.testing.TestKafka;
import com.example.loyalty.testing.TestTokens;
import com.example.loyalty.testing.contract.SendsInvalidRequests;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FollowUpResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    SurveyResponseService responses;

    @Inject
    MeterRegistry registry;

    @Test
    void aDetractorOpensAnItemWithItsReasonAndAnnouncesIt() {
        UUID survey = UUID.randomUUID();
        String member = UUID.randomUUID().toString();
        double before = counter("DETRACTOR");
        TestSurveys.send(
                response(survey, null, nps(10), text("reason", "Lovely")).event());
        TestSurveys.send(response(survey, null, nps(3), text("reason", "The queue was far too long"))
                .member(member)
                .store("S042")
                .channel("STORE")
                .tier("GOLD")
                .event());

        await().atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> list(MARKETER, "status", "open", "surveyId", survey)
                        .statusCode(SC_OK)
                        .body("total", equalTo(1)));
        String id = list(MARKETER, "status", "open", "surveyId", survey)
                .statusCode(SC_OK)
                .body("page", equalTo(0))
                .body("size", equalTo(20))
                .body("items", hasSize(1))
                .body("items[0].id", notNullValue())
                .body("items[0].memberId", equalTo(member))
                .body("items[0].subject", equalTo("sub-" + member))
                .body("items[0].surveyId", equalTo(survey.toString()))
                .body("items[0].questionId", equalTo("nps"))
                .body("items[0].questionType", equalTo("NPS"))
                .body("items[0].kind", equalTo("DETRACTOR"))
                .body("items[0].score", equalTo(3))
                .body("items[0].reason", equalTo("The queue was far too long"))
                .body("items[0].status", equalTo("open"))
                .body("items[0].storeId", equalTo("S042"))
                .body("items[0].channel", equalTo("STORE"))
                .body("items[0].tier", equalTo("GOLD"))
                .body("items[0].createdAt", notNullValue())
                .extract()
                .path("items[0].id");

        List<ConsumerRecord<String, String>> insights =
                TestKafka.read(Topics.LOYALTY_INSIGHTS, r -> member.equals(r.key()), 1, Duration.ofSeconds(30));
        assertEquals(1, insights.size());
        EventEnvelope event = EventJson.read(insights.get(0).value());
        assertEquals(EventTypes.FOLLOW_UP_OPENED, event.type());
        assertEquals(member, event.memberId());
        FollowUpOpened opened = EventJson.payload(event, FollowUpOpened.class);
        assertEquals(UUID.fromString(id), opened.followUpId());
        assertEquals(survey, opened.surveyId());
        assertEquals("nps", opened.questionId());
        assertEquals("DETRACTOR", opened.kind());
        assertEquals(3, opened.score());
        assertEquals("The queue was far too long", opened.reason());
        assertEquals("S042", opened.storeId());
        assertTrue(counter("DETRACTOR") >= before + 1);
    }

    @Test
    void everyUnhappyAnswerKindOpensAnItemAndNoOtherDoes() {
        UUID survey = UUID.randomUUID();
        TestSurveys.apply(
                responses,
                response(
                        survey,
                        null,
                        nps(6),
                        score("keep", "CONTINUED_USE", 2),
                        score("nrs", "NRS", 3),
                        score("ces", "CES", 8),
                        felt("felt", true),
                        score("dwb", "DWB", 5)),
                response(
                        survey,
                        null,
                        nps(7),
                        score("keep", "CONTINUED_USE", 7),
                        score("nrs", "NRS", 4),
                        score("ces", "CES", 7),
                        felt("felt", false),
                        score("dwb", "DWB", 5)));
        list(MARKETER, "surveyId", survey)
                .statusCode(SC_OK)
                .body("total", equalTo(5))
                .body("items.questionId", containsInAnyOrder("nps", "keep", "nrs", "ces", "felt"));
        list(MARKETER, "surveyId", survey, "kind", "high_effort")
                .statusCode(SC_OK)
                .body("items.questionId", containsInAnyOrder("ces", "felt"))
                .body("items.find { it.questionId == 'felt' }.score", nullValue())
                .body("items.find { it.questionId == 'ces' }.score", equalTo(8));
        list(MARKETER, "surveyId", survey, "kind", "AT_RISK")
                .statusCode(SC_OK)
                .body("items.questionId", contains("nrs"))
                .body("items[0].reason", nullValue());
        list(MARKETER, "surveyId", survey, "kind", "detractor")
                .statusCode(SC_OK)
                .body("items.questionId", containsInAnyOrder("nps", "keep"));
    }

    @Test
    void anAnonymousDetractorHasNoMemberAndItsEventIsKeyedByTheItem() {
        UUID survey = UUID.randomUUID();
        TestSurveys.apply(
                responses, response(survey, null, nps(0), text("why", "Rude")).anonymous());
        String id = list(MARKETER, "surveyId", survey)
                .statusCode(SC_OK)
                .body("items[0].memberId", nullValue())
                .body("items[0].subject", nullValue())
                .body("items[0].tier", nullValue())
                .body("items[0].reason", equalTo("Rude"))
                .extract()
                .path("items[0].id");
        List<ConsumerRecord<String, String>> insights =
                TestKafka.read(Topics.LOYALTY_INSIGHTS, r -> id.equals(r.key()), 1, Duration.ofSeconds(30));
        assertEquals(1, insights.size());
        assertNull(EventJson.read(insights.get(0).value()).memberId());
    }

    @Test
    void oneItemPerResponseAndQuestionHoweverOftenItArrives() {
        UUID survey = UUID.randomUUID();
        TestSurveys.Response r = response(survey, null, nps(1));
        EventEnvelope e = r.event();
        ValidatedResponse valid = ValidatedResponse.of(e.eventId(), r.payload());
        responses.apply(List.of(new SurveyResponseService.IncomingResponse(0, valid)), List.of());
        SurveyResponseService.Outcome again =
                responses.apply(List.of(new SurveyResponseService.IncomingResponse(0, valid)), List.of());
        assertEquals(1, again.duplicates());
        // even republished under a new event id, the response opens no second item
        ValidatedResponse republished = ValidatedResponse.of(UUID.randomUUID(), r.payload());
        SurveyResponseService.Outcome third =
                responses.apply(List.of(new SurveyResponseService.IncomingResponse(0, republished)), List.of());
        assertTrue(third.followUpsOpened().isEmpty());
        list(MARKETER, "surveyId", survey).statusCode(SC_OK).body("total", equalTo(1));
    }

    @Test
    void openContactedResolved() {
        String id = newItem();
        patch(MARKETER, id, "{\"status\": \"contacted\", \"note\": \"Left a message\", \"assignee\": \"marketer1\"}")
                .statusCode(SC_OK)
                .body("id", equalTo(id))
                .body("status", equalTo("contacted"))
                .body("note", equalTo("Left a message"))
                .body("assignee", equalTo("marketer1"))
                .body("contactedAt", notNullValue())
                .body("resolvedAt", nullValue());
        patch(MARKETER, id, "{\"status\": \"RESOLVED\", \"note\": \"Apologised, sent a coupon\"}")
                .statusCode(SC_OK)
                .body("status", equalTo("resolved"))
                .body("note", equalTo("Apologised, sent a coupon"))
                .body("assignee", equalTo("marketer1"))
                .body("resolvedAt", notNullValue());
        given().auth()
                .oauth2(ADMIN)
                .when()
                .get(FOLLOW_UP, id)
                .then()
                .statusCode(SC_OK)
                .body("status", equalTo("resolved"))
                .body("note", equalTo("Apologised, sent a coupon"));
    }

    @Test
    void resolvedStraightFromOpenAndThenNoWayBack() {
        String id = newItem();
        patch(MARKETER, id, "{\"status\": \"resolved\", \"note\": \"Called back\"}")
                .statusCode(SC_OK)
                .body("status", equalTo("resolved"))
                .body("contactedAt", nullValue());
        for (String body : List.of(
                "{\"status\": \"open\"}",
                "{\"status\": \"contacted\"}",
                "{\"status\": \"resolved\", \"note\": \"again\"}",
                "{\"note\": \"late note\"}")) {
            patch(MARKETER, id, body)
                    .statusCode(SC_CONFLICT)
                    .contentType(PROBLEM)
                    .body("status", equalTo(SC_CONFLICT))
                    .body("type", equalTo("https://loyalty.example.com/problems/invalid-transition"));
        }
        given().auth()
                .oauth2(MARKETER)
                .when()
                .get(FOLLOW_UP, id)
                .then()
                .statusCode(SC_OK)
                .body("note", equalTo("Called back"));
    }

    @Test
    void contactedCannotGoBackToOpen() {
        String id = newItem();
        patch(MARKETER, id, "{\"status\": \"contacted\"}").statusCode(SC_OK);
        patch(MARKETER, id, "{\"status\": \"open\", \"note\": \"oops\"}")
                .statusCode(SC_CONFLICT)
                .body("detail", containsString("contacted"));
        given().auth()
                .oauth2(MARKETER)
                .when()
                .get(FOLLOW_UP, id)
                .then()
                .statusCode(SC_OK)
                .body("status", equalTo("contacted"))
                .body("note", nullValue());
    }

    @Test
    @SendsInvalidRequests("an unknown status, an empty body, an over-long assignee, an id that is not a UUID")
    void badChangesAreRefused() {
        String id = newItem();
        patch(MARKETER, id, "{\"status\": \"closed\"}")
                .statusCode(SC_BAD_REQUEST)
                .contentType(PROBLEM);
        patch(MARKETER, id, "{}").statusCode(SC_BAD_REQUEST).contentType(PROBLEM);
        patch(MARKETER, id, "{\"assignee\": \"" + "x".repeat(201) + "\"}").statusCode(SC_BAD_REQUEST);
        given().auth()
                .oauth2(MARKETER)
                .contentType(ContentType.JSON)
                .when()
                .patch(FOLLOW_UP, id)
                .then()
                .statusCode(SC_BAD_REQUEST);
        patch(MARKETER, UUID.randomUUID().toString(), "{\"status\": \"resolved\"}")
                .statusCode(SC_NOT_FOUND)
                .contentType(PROBLEM)
                .body("type", equalTo("https://loyalty.example.com/problems/unknown-follow-up"));
        patch(MARKETER, "not-a-uuid", "{\"status\": \"resolved\"}").statusCode(SC_BAD_REQUEST);
        given().auth()
                .oauth2(MARKETER)
                .when()
                .get(FOLLOW_UP, UUID.randomUUID())
                .then()
                .statusCode(SC_NOT_FOUND)
                .contentType(PROBLEM);
        given().auth()
                .oauth2(MARKETER)
                .when()
                .get(FOLLOW_UP, id)
                .then()
                .statusCode(SC_OK)
                .body("status", equalTo("open"));
    }

    @Test
    @SendsInvalidRequests("a number and a boolean where the document says string, a page beyond six digits")
    void inputTheDocumentForbidsIsRefusedAndChangesNothing() {
        String id = newItem();
        // a number where the document says string, and a boolean: no coercion
        patch(MARKETER, id, "{\"status\": \"resolved\", \"note\": 12}")
                .statusCode(SC_BAD_REQUEST)
                .contentType(PROBLEM)
                .body("type", equalTo("https://loyalty.example.com/problems/malformed-body"))
                .body("field", equalTo("note"));
        patch(MARKETER, id, "{\"assignee\": true}").statusCode(SC_BAD_REQUEST).body("field", equalTo("assignee"));
        // a NUL and a lone surrogate in a text field
        patch(MARKETER, id, "{\"status\": \"resolved\", \"note\": \"called\\u0000\"}")
                .statusCode(SC_BAD_REQUEST)
                .contentType(PROBLEM)
                .body("type", equalTo("https://loyalty.example.com/problems/invalid-text"))
                .body("field", equalTo("note"));
        patch(MARKETER, id, "{\"assignee\": \"\\udfff\"}")
                .statusCode(SC_BAD_REQUEST)
                .body("type", equalTo("https://loyalty.example.com/problems/invalid-text"));
        given().auth()
                .oauth2(MARKETER)
                .when()
                .get(FOLLOW_UP, id)
                .then()
                .statusCode(SC_OK)
                .body("status", equalTo("open"))
                .body("note", nullValue())
                .body("assignee", nullValue());
        // page × size beyond an int is refused before any arithmetic
        list(MARKETER, "page", 107_374_183, "size", 20)
                .statusCode(SC_BAD_REQUEST)
                .contentType(PROBLEM)
                .body("violations[0].field", equalTo("page"));
    }

    @Test
    void filtersAndPagesNewestFirst() {
        UUID survey = UUID.randomUUID();
        List<Integer> scores = List.of(0, 1, 2, 3, 4);
        for (int s : scores) {
            // one transaction each: opened one after another
            TestSurveys.apply(responses, response(survey, null, nps(s)).store(s % 2 == 0 ? "EVEN" : "ODD"));
        }
        list(MARKETER, "surveyId", survey, "size", 2)
                .statusCode(SC_OK)
                .body("total", equalTo(5))
                .body("totalPages", equalTo(3))
                .body("size", equalTo(2))
                .body("items.score", contains(4, 3));
        list(MARKETER, "surveyId", survey, "size", 2, "page", 1)
                .statusCode(SC_OK)
                .body("items.score", contains(2, 1));
        list(MARKETER, "surveyId", survey, "size", 2, "page", 2)
                .statusCode(SC_OK)
                .body("items.score", contains(0));
        list(MARKETER, "surveyId", survey, "size", 2, "page", 3)
                .statusCode(SC_OK)
                .body("items", hasSize(0))
                .body("total", equalTo(5));
        list(MARKETER, "surveyId", survey, "storeId", "EVEN").statusCode(SC_OK).body("items.score", contains(4, 2, 0));

        List<String> ids =
                new ArrayList<>(list(MARKETER, "surveyId", survey).extract().path("items.id"));
        patch(MARKETER, ids.get(0), "{\"status\": \"contacted\", \"assignee\": \"anna\"}")
                .statusCode(SC_OK);
        patch(MARKETER, ids.get(1), "{\"assignee\": \"anna\"}").statusCode(SC_OK);
        patch(MARKETER, ids.get(2), "{\"status\": \"resolved\"}").statusCode(SC_OK);
        list(MARKETER, "surveyId", survey, "assignee", "anna").statusCode(SC_OK).body("items.score", contains(4, 3));
        list(MARKETER, "surveyId", survey, "status", "open").statusCode(SC_OK).body("items.score", contains(3, 1, 0));
        list(MARKETER, "surveyId", survey, "status", "Contacted")
                .statusCode(SC_OK)
                .body("items.score", contains(4));
        list(MARKETER, "surveyId", survey, "status", "resolved", "assignee", "anna")
                .statusCode(SC_OK)
                .body("total", equalTo(0));
        list(MARKETER, "surveyId", survey, "status", "open", "storeId", "ODD", "kind", "detractor")
                .statusCode(SC_OK)
                .body("items.score", contains(3, 1));
    }

    @Test
    @SendsInvalidRequests("an unknown status or kind, a surveyId not a UUID, a page or size not a whole number")
    void badFiltersAreBadRequests() {
        Object[][] bad = {
            {"status", "closed"},
            {"kind", "angry"},
            {"surveyId", "x"},
            {"page", "-1"},
            {"page", "abc"},
            {"size", "0"},
            {"size", "101"},
            {"size", "many"}
        };
        for (Object[] query : bad) {
            list(MARKETER, query)
                    .statusCode(SC_BAD_REQUEST)
                    .contentType(PROBLEM)
                    .body("status", equalTo(SC_BAD_REQUEST));
        }
    }

    @Test
    void onlyMarketersAndAdminsWorkTheQueue() {
        String id = newItem();
        list(ADMIN).statusCode(SC_OK);
        for (String token : List.of(TestTokens.newMember(), TestTokens.token("staff-1", "staff"))) {
            list(token).statusCode(SC_FORBIDDEN);
            given().auth().oauth2(token).when().get(FOLLOW_UP, id).then().statusCode(SC_FORBIDDEN);
            patch(token, id, "{\"status\": \"resolved\"}").statusCode(SC_FORBIDDEN);
        }
        given().when().get(FOLLOW_UPS).then().statusCode(SC_UNAUTHORIZED).contentType(PROBLEM);
        given().when().get(FOLLOW_UP, id).then().statusCode(SC_UNAUTHORIZED);
        given().contentType(ContentType.JSON)
                .body("{\"status\": \"resolved\"}")
                .when()
                .patch(FOLLOW_UP, id)
                .then()
                .statusCode(SC_UNAUTHORIZED);
        given().auth()
                .oauth2(MARKETER)
                .when()
                .get(FOLLOW_UP, id)
                .then()
                .statusCode(SC_OK)
                .body("status", equalTo("open"));
    }

    private String newItem() {
        UUID survey = UUID.randomUUID();
        TestSurveys.apply(responses, response(survey, null, nps(2), text("why", "Never again")));
        return list(MARKETER, "surveyId", survey)
                .statusCode(SC_OK)
                .body("total", equalTo(1))
                .extract()
                .path("items[0].id");
    }

    private static ValidatableResponse list(String token, Object... query) {
        var request = given().auth().oauth2(token);
        for (int i = 0; i + 1 < query.length; i += 2) {
            request = request.queryParam(query[i].toString(), query[i + 1]);
        }
        return request.when().get(FOLLOW_UPS).then();
    }

    private static ValidatableResponse patch(String token, String id, String body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .patch(FOLLOW_UP, id)
                .then();
    }

    private double counter(String kind) {
        var c = registry.find("loyalty.metrics.follow-ups.opened")
                .tag("kind", kind)
                .counter();
        return c == null ? 0 : c.count();
    }
}
