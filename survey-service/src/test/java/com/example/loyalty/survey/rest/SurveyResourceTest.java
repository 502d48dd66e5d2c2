package com.example.loyalty.survey.rest;

import static com.example.loyalty.survey.SurveyApi.MARKETER;
import static com.example.loyalty.survey.SurveyApi.question;
import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_BAD_REQUEST;
import static org.apache.http.HttpStatus.SC_CONFLICT;
import static org.apache.http.HttpStatus.SC_CREATED;
import static org.apache.http.HttpStatus.SC_FORBIDDEN;
import static org.apache.http.HttpStatus.SC_NOT_FOUND;
import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_UNAUTHORIZED;
import static org.apache.http.HttpStatus.SC_UNPROCESSABLE_ENTITY;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.example.loyalty.survey.SurveyApi;
import com.example.loyalty.testing.TestTokens;
import com.example.loyalty.testing.contract.SendsInvalidRequests;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SurveyResourceTest {

    @Test
    void theContractBodyCreatesADraft() {
        String id = SurveyApi.create(SurveyApi.npsSurvey(false))
                .statusCode(SC_CREATED)
                .extract()
                .path("id");
        given().auth()
                .oauth2(MARKETER)
                .when()
                .get("/api/surveys/{id}", id)
                .then()
                .statusCode(SC_OK)
                .body("id", equalTo(id))
                .body("status", equalTo("DRAFT"))
                .body("anonymous", equalTo(false))
                .body("title.en", equalTo("How are we doing?"))
                .body("title.ja", equalTo("ご意見をお聞かせください"))
                .body("questions", hasSize(2))
                .body("questions[0].id", equalTo("nps"))
                .body("questions[0].type", equalTo("NPS"))
                .body("questions[0].required", equalTo(true))
                .body("questions[0].min", equalTo(0))
                .body("questions[0].max", equalTo(10))
                .body("questions[1].id", equalTo("reason"))
                .body("questions[1].type", equalTo("TEXT"))
                .body("questions[1].required", equalTo(false))
                .body("openWave", nullValue())
                .body("publishedAt", nullValue());
    }

    @Test
    void theLocationNamesTheNewSurvey() {
        var created = SurveyApi.create(SurveyApi.npsSurvey(false))
                .statusCode(SC_CREATED)
                .extract();
        String id = created.path("id");
        org.junit.jupiter.api.Assertions.assertTrue(
                created.header("Location").endsWith("/api/surveys/" + id), created.header("Location"));
    }

    @Test
    void everyQuestionTypeIsAccepted() {
        SurveyApi.create(SurveyApi.everyTypeSurvey())
                .statusCode(SC_CREATED)
                .body(
                        "questions.type",
                        equalTo(List.of(
                                "NPS", "CONTINUED_USE", "NRS", "CSI", "CES", "CES_BINARY", "DWB", "TEXT", "CHOICE")))
                .body("questions.find { it.id == 'quality' }.dimension", equalTo("PERCEIVED_QUALITY"))
                .body("questions.find { it.id == 'quality' }.max", equalTo(100))
                .body("questions.find { it.id == 'nrs' }.min", equalTo(1))
                .body("questions.find { it.id == 'dwb' }.max", equalTo(5))
                .body("questions.find { it.id == 'effort' }.min", nullValue())
                .body("questions.find { it.id == 'visit' }.options.id", equalTo(List.of("food", "price")))
                .body("questions.find { it.id == 'visit' }.options[0].text.ja", equalTo("食べ物"));
    }

    @SendsInvalidRequests("sends what the document forbids, to see it refused")
    @Test
    void anUnknownTypeNamesTheQuestion() {
        invalid(survey(Map.of("en", "T"), List.of(question("nps", "NPS", true), question("stars", "STARS", false))))
                .body("errors", hasSize(1))
                .body("errors[0].questionId", equalTo("stars"))
                .body("errors[0].field", equalTo("questions[1].type"))
                .body("errors[0].message", containsString("STARS"))
                .body("detail", containsString("stars"));
    }

    @Test
    void duplicateQuestionIdsAreRefused() {
        invalid(survey(Map.of("en", "T"), List.of(question("nps", "NPS", true), question("nps", "TEXT", false))))
                .body("errors.questionId", equalTo(List.of("nps")))
                .body("errors[0].message", containsString("duplicate"));
    }

    @SendsInvalidRequests("sends what the document forbids, to see it refused")
    @Test
    void aQuestionNeedsATextInSomeLanguage() {
        invalid(survey(Map.of("en", "T"), List.of(Map.of("id", "nps", "type", "NPS"))))
                .body("errors[0].questionId", equalTo("nps"))
                .body("errors[0].field", equalTo("questions[0].text"));
        invalid(survey(Map.of("en", "T"), List.of(Map.of("id", "nps", "type", "NPS", "text", Map.of()))))
                .body("errors[0].questionId", equalTo("nps"));
        invalid(survey(Map.of("en", "T"), List.of(Map.of("id", "nps", "type", "NPS", "text", Map.of("en", " ")))))
                .body("errors[0].field", equalTo("questions[0].text.en"));
    }

    @SendsInvalidRequests("sends what the document forbids, to see it refused")
    @Test
    void theTitleNeedsEnglishOrJapanese() {
        invalid(survey(Map.of("fr", "Comment allons-nous ?"), List.of(question("nps", "NPS", true))))
                .body("errors[0].field", equalTo("title"))
                .body("errors[0].questionId", nullValue())
                .body("errors[0].message", containsString("'en' or a 'ja'"));
        invalid(survey(Map.of(), List.of(question("nps", "NPS", true)))).body("errors[0].field", equalTo("title"));
        Map<String, Object> noTitle = new HashMap<>();
        noTitle.put("questions", List.of(question("nps", "NPS", true)));
        invalid(noTitle).body("errors.field", hasItem("title"));
        // one of the two suffices
        SurveyApi.create(survey(Map.of("ja", "調査"), List.of(question("nps", "NPS", true))))
                .statusCode(SC_CREATED);
    }

    @SendsInvalidRequests("sends what the document forbids, to see it refused")
    @Test
    void anEmptyQuestionListIsRefused() {
        invalid(survey(Map.of("en", "T"), List.of())).body("errors[0].field", equalTo("questions"));
        Map<String, Object> noQuestions = new HashMap<>();
        noQuestions.put("title", Map.of("en", "T"));
        invalid(noQuestions).body("errors[0].field", equalTo("questions"));
    }

    @SendsInvalidRequests("sends what the document forbids, to see it refused")
    @Test
    void csiNeedsADimensionAndChoiceNeedsTwoOptions() {
        invalid(survey(
                        Map.of("en", "T"),
                        List.of(
                                Map.of("id", "csi1", "type", "CSI", "text", Map.of("en", "Q")),
                                Map.of("id", "csi2", "type", "CSI", "dimension", "TASTE", "text", Map.of("en", "Q")),
                                Map.of("id", "nps", "type", "NPS", "dimension", "LOYALTY", "text", Map.of("en", "Q")),
                                Map.of(
                                        "id",
                                        "pick",
                                        "type",
                                        "CHOICE",
                                        "text",
                                        Map.of("en", "Q"),
                                        "options",
                                        List.of(Map.of("id", "a", "text", Map.of("en", "A")))),
                                Map.of(
                                        "id",
                                        "pick2",
                                        "type",
                                        "CHOICE",
                                        "text",
                                        Map.of("en", "Q"),
                                        "options",
                                        List.of(
                                                Map.of("id", "a", "text", Map.of("en", "A")),
                                                Map.of("id", "a", "text", Map.of("en", "B")))))))
                .body("errors.questionId", equalTo(List.of("csi1", "csi2", "nps", "pick", "pick2")))
                .body("errors[1].message", containsString("TASTE"));
    }

    @SendsInvalidRequests("sends what the document forbids, to see it refused")
    @Test
    void manyErrorsAreReportedTogether() {
        invalid(survey(
                        Map.of("de", "x"),
                        List.of(question("a", "NOPE", false), question("b", "NPS", true), question("b", "NPS", false))))
                .body("errors.field", hasItems("title", "questions[0].type", "questions[2].id"))
                .body("errors", hasSize(3));
    }

    @SendsInvalidRequests("sends what the document forbids, to see it refused")
    @Test
    void malformedJsonIs400Problem() {
        given().auth()
                .oauth2(MARKETER)
                .contentType(ContentType.JSON)
                .body("{\"title\": {\"en\": ")
                .when()
                .post("/api/surveys")
                .then()
                .statusCode(SC_BAD_REQUEST)
                .contentType("application/problem+json")
                .body("status", equalTo(SC_BAD_REQUEST));
        given().auth()
                .oauth2(MARKETER)
                .contentType(ContentType.JSON)
                .body("{\"title\": \"just a string\", \"questions\": []}")
                .when()
                .post("/api/surveys")
                .then()
                .statusCode(SC_BAD_REQUEST)
                .contentType("application/problem+json")
                .body("field", equalTo("title"));
        given().auth()
                .oauth2(MARKETER)
                .contentType(ContentType.JSON)
                .body("[]")
                .when()
                .post("/api/surveys")
                .then()
                .statusCode(SC_BAD_REQUEST)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(MARKETER)
                .contentType(ContentType.JSON)
                .body("")
                .when()
                .post("/api/surveys")
                .then()
                .statusCode(SC_BAD_REQUEST)
                .contentType("application/problem+json");
    }

    @SendsInvalidRequests("sends what the document forbids, to see it refused")
    @Test
    void inputTheDocumentForbidsIsRefusedAndWritesNothing() {
        int before = surveyCount();
        // a string where the document says boolean: no coercion
        Map<String, Object> stringFlag = new HashMap<>(SurveyApi.npsSurvey(false));
        stringFlag.put("anonymous", "true");
        SurveyApi.create(stringFlag)
                .statusCode(SC_BAD_REQUEST)
                .contentType("application/problem+json")
                .body("type", equalTo("https://loyalty.example.com/problems/malformed-body"))
                .body("field", equalTo("anonymous"));
        // a NUL in a text, and a lone surrogate in a map key
        Map<String, Object> nul = new HashMap<>(SurveyApi.npsSurvey(false));
        nul.put("title", Map.of("en", "How are we\u0000 doing?"));
        SurveyApi.create(nul)
                .statusCode(SC_BAD_REQUEST)
                .contentType("application/problem+json")
                .body("type", equalTo("https://loyalty.example.com/problems/invalid-text"))
                .body("field", equalTo("title.en"));
        // (written as JSON escapes: a client library cannot encode a lone surrogate as UTF-8)
        SurveyApi.create("""
                        {"title": {"en": "How are we doing?\\uD800"},
                         "questions": [{"id": "nps", "type": "NPS", "text": {"en": "How likely?"}}]}""")
                .statusCode(SC_BAD_REQUEST)
                .body("type", equalTo("https://loyalty.example.com/problems/invalid-text"))
                .body("detail", containsString("U+D800"));
        // in a key, Jackson's parser refuses it itself: still a 400 problem
        SurveyApi.create("""
                        {"title": {"\\uD800": "How are we doing?"},
                         "questions": [{"id": "nps", "type": "NPS", "text": {"en": "How likely?"}}]}""").statusCode(SC_BAD_REQUEST).contentType("application/problem+json");
        org.junit.jupiter.api.Assertions.assertEquals(before, surveyCount());
        // page × size overflowed an int: 500; now a bounded parameter
        given().auth()
                .oauth2(MARKETER)
                .queryParam("page", 107_374_183)
                .queryParam("size", 20)
                .when()
                .get("/api/surveys")
                .then()
                .statusCode(SC_BAD_REQUEST)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("page"));
        // and the document says so
        given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(SC_OK)
                .body("paths.'/api/surveys'.get.parameters.find { it.name == 'page' }.schema.maximum", equalTo(100000));
        // NUL in a query parameter
        given().auth()
                .oauth2(MARKETER)
                .urlEncodingEnabled(false)
                .when()
                .get("/api/surveys?status=DRAFT%00")
                .then()
                .statusCode(SC_BAD_REQUEST)
                .contentType("application/problem+json")
                .body("parameter", equalTo("status"));
    }

    private static int surveyCount() {
        return given().auth()
                .oauth2(MARKETER)
                .queryParam("size", 1)
                .when()
                .get("/api/surveys")
                .then()
                .statusCode(SC_OK)
                .extract()
                .path("total");
    }

    @Test
    @SendsInvalidRequests("replaces a draft with an unknown question type, to see it refused")
    void aDraftCanBeReplacedUntilItIsPublished() {
        String id = SurveyApi.createDraft(SurveyApi.npsSurvey(false));
        var replacement = survey(Map.of("en", "New title"), List.of(question("nrs", "NRS", true)));
        given().auth()
                .oauth2(MARKETER)
                .contentType(ContentType.JSON)
                .body(replacement)
                .when()
                .put("/api/surveys/{id}", id)
                .then()
                .statusCode(SC_OK)
                .body("title.en", equalTo("New title"))
                .body("questions.id", equalTo(List.of("nrs")))
                .body("status", equalTo("DRAFT"));
        // replacing with an invalid definition changes nothing
        given().auth()
                .oauth2(MARKETER)
                .contentType(ContentType.JSON)
                .body(survey(Map.of("en", "x"), List.of(question("q", "BAD", false))))
                .when()
                .put("/api/surveys/{id}", id)
                .then()
                .statusCode(SC_UNPROCESSABLE_ENTITY);
        given().auth()
                .oauth2(MARKETER)
                .when()
                .get("/api/surveys/{id}", id)
                .then()
                .statusCode(SC_OK)
                .body("questions.id", equalTo(List.of("nrs")));

        SurveyApi.publish(id).statusCode(SC_OK);
        given().auth()
                .oauth2(MARKETER)
                .contentType(ContentType.JSON)
                .body(SurveyApi.npsSurvey(false))
                .when()
                .put("/api/surveys/{id}", id)
                .then()
                .statusCode(SC_CONFLICT)
                .contentType("application/problem+json")
                .body("type", endsWith("/survey-not-draft"))
                .body("detail", containsString("PUBLISHED"));
        given().auth()
                .oauth2(MARKETER)
                .when()
                .get("/api/surveys/{id}", id)
                .then()
                .statusCode(SC_OK)
                .body("questions.id", equalTo(List.of("nrs")));
    }

    @Test
    void publishingOpensAFirstWaveForEveryoneFromNow() {
        String id = SurveyApi.createDraft(SurveyApi.npsSurvey(false));
        Instant before = Instant.now().minusSeconds(1);
        var published = SurveyApi.publish(id)
                .statusCode(SC_OK)
                .body("status", equalTo("PUBLISHED"))
                .body("publishedAt", notNullValue())
                .body("openWave.id", notNullValue())
                .body("openWave.surveyId", equalTo(id))
                .body("openWave.name", equalTo("Wave 1"))
                .body("openWave.status", equalTo("OPEN"))
                .body("openWave.target.type", equalTo("ALL"))
                .extract();
        Instant opensAt = Instant.parse(published.path("openWave.opensAt"));
        Instant closesAt = Instant.parse(published.path("openWave.closesAt"));
        org.junit.jupiter.api.Assertions.assertTrue(!opensAt.isBefore(before) && !opensAt.isAfter(Instant.now()));
        org.junit.jupiter.api.Assertions.assertEquals(Duration.ofDays(30), Duration.between(opensAt, closesAt));
    }

    @Test
    void publishingTakesAnEndAndATarget() {
        String id = SurveyApi.createDraft(SurveyApi.npsSurvey(false));
        Instant closesAt = Instant.now().plus(Duration.ofDays(90)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        SurveyApi.publish(
                        id,
                        Map.of(
                                "closesAt",
                                closesAt.toString(),
                                "waveName",
                                "Gold Q1",
                                "target",
                                Map.of("type", "TIER", "tiers", List.of("gold", "PLATINUM"))))
                .statusCode(SC_OK)
                .body("openWave.closesAt", equalTo(closesAt.toString()))
                .body("openWave.name", equalTo("Gold Q1"))
                .body("openWave.target.type", equalTo("TIER"))
                .body("openWave.target.tiers", equalTo(List.of("GOLD", "PLATINUM")));
    }

    @SendsInvalidRequests("sends what the document forbids, to see it refused")
    @Test
    void publishingWithABadWindowOrTargetChangesNothing() {
        String id = SurveyApi.createDraft(SurveyApi.npsSurvey(false));
        SurveyApi.publish(id, Map.of("closesAt", "2001-01-01T00:00:00Z"))
                .statusCode(SC_UNPROCESSABLE_ENTITY)
                .contentType("application/problem+json")
                .body("type", endsWith("/invalid-window"));
        SurveyApi.publish(id, Map.of("target", Map.of("type", "TIER")))
                .statusCode(SC_UNPROCESSABLE_ENTITY)
                .body("type", endsWith("/invalid-target"));
        SurveyApi.publish(id, Map.of("target", Map.of("type", "EVERYONE")))
                .statusCode(SC_BAD_REQUEST)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(MARKETER)
                .contentType(ContentType.JSON)
                .body("{\"closesAt\": ")
                .when()
                .post("/api/surveys/{id}/publish", id)
                .then()
                .statusCode(SC_BAD_REQUEST)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(MARKETER)
                .when()
                .get("/api/surveys/{id}", id)
                .then()
                .statusCode(SC_OK)
                .body("status", equalTo("DRAFT"));
        given().auth()
                .oauth2(MARKETER)
                .when()
                .get("/api/surveys/{id}/waves", id)
                .then()
                .statusCode(SC_OK)
                .body("$", hasSize(0));
    }

    @Test
    void lifecycleGoesDraftPublishedClosedOnly() {
        String id = SurveyApi.createDraft(SurveyApi.npsSurvey(false));
        SurveyApi.close(id)
                .statusCode(SC_CONFLICT)
                .body("type", endsWith("/invalid-transition"))
                .body("detail", containsString("DRAFT"));
        SurveyApi.publish(id).statusCode(SC_OK);
        SurveyApi.publish(id)
                .statusCode(SC_CONFLICT)
                .contentType("application/problem+json")
                .body("type", endsWith("/invalid-transition"));
        String waveId = SurveyApi.openWaveId(id);

        SurveyApi.close(id)
                .statusCode(SC_OK)
                .body("status", equalTo("CLOSED"))
                .body("closedAt", notNullValue())
                .body("openWave", nullValue());
        given().auth()
                .oauth2(MARKETER)
                .when()
                .get("/api/surveys/{id}/waves/{wave}", id, waveId)
                .then()
                .statusCode(SC_OK)
                .body("status", equalTo("CLOSED"))
                .body("closedAt", notNullValue());
        SurveyApi.close(id).statusCode(SC_CONFLICT);
        SurveyApi.publish(id).statusCode(SC_CONFLICT).body("detail", containsString("CLOSED"));
        given().auth()
                .oauth2(MARKETER)
                .contentType(ContentType.JSON)
                .body(SurveyApi.npsSurvey(false))
                .when()
                .put("/api/surveys/{id}", id)
                .then()
                .statusCode(SC_CONFLICT);
    }

    @SendsInvalidRequests("sends what the document forbids, to see it refused")
    @Test
    void unknownSurveysAre404Problems() {
        String unknown = "00000000-0000-0000-0000-000000000001";
        given().auth()
                .oauth2(MARKETER)
                .when()
                .get("/api/surveys/{id}", unknown)
                .then()
                .statusCode(SC_NOT_FOUND)
                .contentType("application/problem+json")
                .body("type", endsWith("/unknown-survey"))
                .body("detail", containsString(unknown));
        SurveyApi.publish(unknown).statusCode(SC_NOT_FOUND);
        SurveyApi.close(unknown).statusCode(SC_NOT_FOUND);
    }

    @Test
    @SendsInvalidRequests("asks for a page of size 0, to see it refused")
    void theListIsPagedAndFiltersByStatus() {
        String draft = SurveyApi.createDraft(SurveyApi.npsSurvey(false));
        String published = SurveyApi.publishedSurvey(SurveyApi.npsSurvey(false));
        given().auth()
                .oauth2(MARKETER)
                .queryParam("status", "PUBLISHED")
                .queryParam("size", 100)
                .when()
                .get("/api/surveys")
                .then()
                .statusCode(SC_OK)
                .body("items.status", everyItem(equalTo("PUBLISHED")))
                .body("items.id", hasItem(published))
                .body("items.id", not(hasItem(draft)))
                .body("items.find { it.id == '%s' }.openWave.status".formatted(published), equalTo("OPEN"));
        given().auth()
                .oauth2(MARKETER)
                .queryParam("status", "draft")
                .queryParam("size", 100)
                .when()
                .get("/api/surveys")
                .then()
                .statusCode(SC_OK)
                .body("items.id", hasItem(draft))
                .body("items.status", everyItem(equalTo("DRAFT")));
        var firstPage = given().auth()
                .oauth2(MARKETER)
                .queryParam("size", 1)
                .when()
                .get("/api/surveys")
                .then()
                .statusCode(SC_OK)
                .body("items", hasSize(1))
                .body("page", equalTo(0))
                .body("size", equalTo(1))
                .extract();
        org.junit.jupiter.api.Assertions.assertTrue(firstPage.<Integer>path("total") >= 2);
        // newest first
        org.junit.jupiter.api.Assertions.assertEquals(published, firstPage.path("items[0].id"));
        given().auth()
                .oauth2(MARKETER)
                .queryParam("status", "ARCHIVED")
                .when()
                .get("/api/surveys")
                .then()
                .statusCode(SC_BAD_REQUEST)
                .contentType("application/problem+json")
                .body("detail", containsString("ARCHIVED"));
        given().auth()
                .oauth2(MARKETER)
                .queryParam("size", 0)
                .when()
                .get("/api/surveys")
                .then()
                .statusCode(SC_BAD_REQUEST)
                .contentType("application/problem+json");
    }

    @Test
    void onlyMarketersAndAdminsManageSurveys() {
        String member = TestTokens.token("member-x", "member");
        String staff = TestTokens.token("staff-x", "staff");
        String id = SurveyApi.createDraft(SurveyApi.npsSurvey(false));
        for (String token : List.of(member, staff)) {
            given().auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body(SurveyApi.npsSurvey(false))
                    .when()
                    .post("/api/surveys")
                    .then()
                    .statusCode(SC_FORBIDDEN)
                    .contentType("application/problem+json")
                    .body("status", equalTo(SC_FORBIDDEN));
            given().auth().oauth2(token).when().get("/api/surveys").then().statusCode(SC_FORBIDDEN);
            given().auth()
                    .oauth2(token)
                    .when()
                    .get("/api/surveys/{id}", id)
                    .then()
                    .statusCode(SC_FORBIDDEN);
            given().auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .when()
                    .post("/api/surveys/{id}/publish", id)
                    .then()
                    .statusCode(SC_FORBIDDEN)
                    .contentType("application/problem+json");
            given().auth()
                    .oauth2(token)
                    .when()
                    .post("/api/surveys/{id}/close", id)
                    .then()
                    .statusCode(SC_FORBIDDEN);
        }
        given().auth()
                .oauth2(MARKETER)
                .when()
                .get("/api/surveys/{id}", id)
                .then()
                .statusCode(SC_OK)
                .body("status", equalTo("DRAFT"));
        // admins may do everything marketers do
        given().auth()
                .oauth2(SurveyApi.ADMIN)
                .contentType(ContentType.JSON)
                .when()
                .post("/api/surveys/{id}/publish", id)
                .then()
                .statusCode(SC_OK);
    }

    @Test
    void noTokenIs401Problem() {
        given().contentType(ContentType.JSON)
                .body(SurveyApi.npsSurvey(false))
                .when()
                .post("/api/surveys")
                .then()
                .statusCode(SC_UNAUTHORIZED)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
        given().when().get("/api/surveys").then().statusCode(SC_UNAUTHORIZED).contentType("application/problem+json");
    }

    private static Map<String, Object> survey(Map<String, String> title, List<?> questions) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("questions", questions);
        return body;
    }

    private static ValidatableResponse invalid(Object body) {
        return SurveyApi.create(body)
                .statusCode(SC_UNPROCESSABLE_ENTITY)
                .contentType("application/problem+json")
                .body("status", equalTo(SC_UNPROCESSABLE_ENTITY))
                .body("type", endsWith("/invalid-survey"));
    }
}
