package com.example.loyalty.survey.rest;

import static com.example.loyalty.survey.SurveyApi.answers;
import static com.example.loyalty.survey.SurveyApi.respond;
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
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.events.EventEnvelope;
import com.example.loyalty.events.EventJson;
import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.SurveyResponded;
import com.example.loyalty.events.Topics;
import com.example.loyalty.survey.Db;
import com.example.loyalty.survey.SurveyApi;
import com.example.loyalty.survey.service.AnswerMixer;
import com.example.loyalty.testing.Concurrently;
import com.example.loyalty.testing.TestKafka;
import com.example.loyalty.testing.TestTokens;
import com.example.loyalty.testing.contract.SendsInvalidRequests;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ResponseResourceTest {

    private static final Duration KAFKA_WAIT = Duration.ofSeconds(30);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AnswerMixer mixer;

    @Inject
    MeterRegistry registry;

    @Test
    void anAcceptedResponseIsStoredAndPublishedKeyedByTheMemberId() {
        var member = SurveyApi.newMember();
        Db db = new Db(dataSource);
        SurveyApi.enrolled(member, "SILVER");
        db.awaitDirectory(member.memberId(), member.subject(), "SILVER");
        String survey = SurveyApi.publishedSurvey(SurveyApi.npsSurvey(false));
        String wave = SurveyApi.openWaveId(survey);
        double acceptedBefore = counter("loyalty.survey.responses.accepted", "channel", "APP", "anonymous", "false");

        // exactly the contract's body
        String body =
                "{\"answers\": {\"nps\": 10, \"reason\": \"Friendly staff\"}, \"channel\": \"APP\", \"storeId\": \"S001\"}";
        var accepted = given().auth()
                .oauth2(member.token())
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/surveys/{id}/responses", survey)
                .then()
                .statusCode(SC_CREATED)
                .contentType("application/json")
                .body("responseId", notNullValue())
                .body("surveyId", equalTo(survey))
                .body("waveId", equalTo(wave))
                .body("anonymous", equalTo(false))
                .body("memberId", equalTo(member.memberId()))
                .body("tier", equalTo("SILVER"))
                .body("channel", equalTo("APP"))
                .body("storeId", equalTo("S001"))
                .body("answeredAt", notNullValue())
                .body("answers", hasSize(2))
                .body("answers[0].questionId", equalTo("nps"))
                .body("answers[0].type", equalTo("NPS"))
                .body("answers[0].score", equalTo(10))
                .body("answers[1].questionId", equalTo("reason"))
                .body("answers[1].text", equalTo("Friendly staff"))
                .extract();
        String responseId = accepted.path("responseId");
        assertEquals(new Db.Written(1, 0, 1), db.writtenFor(survey));
        assertEquals(
                member.subject(),
                db.single("select subject from survey_response where id = ?", UUID.fromString(responseId)));
        assertEquals(
                acceptedBefore + 1,
                counter("loyalty.survey.responses.accepted", "channel", "APP", "anonymous", "false"));

        List<ConsumerRecord<String, String>> records =
                TestKafka.read(Topics.SURVEY_RESPONSES, r -> member.memberId().equals(r.key()), 1, KAFKA_WAIT);
        assertEquals(1, records.size(), "one SurveyResponded keyed by the member id");
        assertEquals(
                EventTypes.SURVEY_RESPONDED,
                new String(records.get(0).headers().lastHeader("event-type").value(), StandardCharsets.UTF_8));
        EventEnvelope event = EventJson.read(records.get(0).value());
        assertEquals(EventTypes.SURVEY_RESPONDED, event.type());
        assertEquals(SurveyResponded.SCHEMA_VERSION, event.schemaVersion());
        assertEquals(member.memberId(), event.memberId());
        SurveyResponded payload = EventJson.payload(event, SurveyResponded.class);
        assertEquals(UUID.fromString(responseId), payload.responseId());
        assertEquals(UUID.fromString(survey), payload.surveyId());
        assertEquals(UUID.fromString(wave), payload.waveId());
        assertEquals(member.memberId(), payload.memberId());
        assertEquals(member.subject(), payload.subject());
        assertEquals(false, payload.anonymous());
        assertEquals("SILVER", payload.tier());
        assertEquals("APP", payload.channel());
        assertEquals("S001", payload.storeId());
        assertEquals(Instant.parse(accepted.path("answeredAt")), payload.answeredAt());
        assertEquals(
                List.of(
                        new SurveyResponded.Answer("nps", "NPS", null, 10, null, null, null),
                        new SurveyResponded.Answer("reason", "TEXT", null, null, null, "Friendly staff", null)),
                payload.answers());
    }

    @Test
    void aMemberNotYetInTheDirectoryIsAcceptedWithTheirSubject() {
        // enrolled a moment ago: points-service's MemberEnrolled has not reached survey-service yet
        var member = SurveyApi.newMember();
        String survey = SurveyApi.publishedSurvey(SurveyApi.npsSurvey(false));
        respond(member.token(), survey, answers(Map.of("nps", 4, "reason", "Slow"), "WEB", null))
                .statusCode(SC_CREATED)
                .body("memberId", nullValue())
                .body("tier", nullValue())
                .body("storeId", nullValue())
                .body("channel", equalTo("WEB"));
        var records = TestKafka.read(Topics.SURVEY_RESPONSES, r -> r.value().contains(survey), 1, KAFKA_WAIT);
        assertEquals(1, records.size());
        EventEnvelope event = EventJson.read(records.get(0).value());
        assertNull(event.memberId());
        SurveyResponded payload = EventJson.payload(event, SurveyResponded.class);
        assertNull(payload.memberId());
        assertNull(payload.tier());
        assertEquals(
                member.subject(), payload.subject(), "points-service awards by subject when the member id is unknown");
        assertEquals(member.subject(), records.get(0).key());
    }

    @Test
    void anAnonymousResponseCarriesNoIdentityAndStillCountsOncePerMember() {
        var member = SurveyApi.newMember();
        Db db = new Db(dataSource);
        SurveyApi.enrolled(member, "GOLD");
        db.awaitDirectory(member.memberId(), member.subject(), "GOLD");
        String survey = SurveyApi.publishedSurvey(SurveyApi.npsSurvey(true));

        respond(member.token(), survey, answers(Map.of("nps", 2, "reason", "Rude")))
                .statusCode(SC_CREATED)
                .body("anonymous", equalTo(true))
                .body("responseId", nullValue()) // it gets one when the mixer moves it
                .body("memberId", nullValue())
                .body("tier", nullValue());
        // staged with the participation, not yet a response, no event yet (AnonymityTest shows why)
        assertEquals(new Db.Written(1, 1, 0), db.writtenFor(survey));
        assertEquals(1, db.staged(survey));
        SurveyApi.closeWave(survey, SurveyApi.openWaveId(survey)).statusCode(SC_OK);
        assertEquals(1, mixer.mixAll());
        assertEquals(new Db.Written(1, 1, 1), db.writtenFor(survey));
        assertEquals(0, db.staged(survey));
        assertEquals(
                0L,
                db.count(
                        "select count(*) from survey_response where survey_id = ? and (subject is not null "
                                + "or member_id is not null or tier is not null or not anonymous)",
                        UUID.fromString(survey)));
        String hash = (String) db.single(
                "select p.subject_hash from wave_participation p join wave w on w.id = p.wave_id "
                        + "where w.survey_id = ?",
                UUID.fromString(survey));
        assertNotEquals(member.subject(), hash);
        assertTrue(!hash.contains(member.subject()) && hash.length() == 64, hash);

        var records = TestKafka.read(Topics.SURVEY_RESPONSES, r -> r.value().contains(survey), 1, KAFKA_WAIT);
        assertEquals(1, records.size());
        String key = records.get(0).key();
        assertNotEquals(member.memberId(), key);
        assertNotEquals(member.subject(), key);
        UUID.fromString(key); // a random UUID
        assertTrue(
                !records.get(0).value().contains(member.subject())
                        && !records.get(0).value().contains(member.memberId()),
                "nothing in the event identifies the member");
        EventEnvelope event = EventJson.read(records.get(0).value());
        assertNull(event.memberId());
        SurveyResponded payload = EventJson.payload(event, SurveyResponded.class);
        assertTrue(payload.anonymous());
        assertNull(payload.memberId());
        assertNull(payload.subject());
        assertNull(payload.tier());
        assertEquals(2, payload.answers().get(0).score());

        // once per member: the next wave takes the member's answer, a second one to it is refused
        SurveyApi.addWave(
                        survey,
                        Map.of(
                                "closesAt",
                                Instant.now().plus(Duration.ofDays(1)).toString()))
                .statusCode(SC_CREATED);
        respond(member.token(), survey, answers(Map.of("nps", 9))).statusCode(SC_CREATED);
        respond(member.token(), survey, answers(Map.of("nps", 9)))
                .statusCode(SC_CONFLICT)
                .contentType("application/problem+json")
                .body("type", endsWith("/already-answered"));
        assertEquals(new Db.Written(2, 2, 1), db.writtenFor(survey));
    }

    @Test
    void aSecondResponseInTheSameWaveIs409AndChangesNothing() {
        var member = SurveyApi.newMember();
        Db db = new Db(dataSource);
        String survey = SurveyApi.publishedSurvey(SurveyApi.npsSurvey(false));
        respond(member.token(), survey, answers(Map.of("nps", 8))).statusCode(SC_CREATED);
        double rejectedBefore = counter("loyalty.survey.responses.rejected", "reason", "already-answered");
        respond(member.token(), survey, answers(Map.of("nps", 0, "reason", "changed my mind")))
                .statusCode(SC_CONFLICT)
                .contentType("application/problem+json")
                .body("status", equalTo(SC_CONFLICT))
                .body("type", endsWith("/already-answered"));
        assertEquals(new Db.Written(1, 0, 1), db.writtenFor(survey));
        assertEquals(
                8,
                ((Number) db.single(
                                "select (answers->0->>'score')::int from survey_response where survey_id = ?",
                                UUID.fromString(survey)))
                        .intValue());
        assertEquals(rejectedBefore + 1, counter("loyalty.survey.responses.rejected", "reason", "already-answered"));

        // another member may answer; and the same member may answer the next wave
        respond(SurveyApi.newMember().token(), survey, answers(Map.of("nps", 6)))
                .statusCode(SC_CREATED);
        SurveyApi.closeWave(survey, SurveyApi.openWaveId(survey)).statusCode(SC_OK);
        String next = SurveyApi.addWave(
                        survey,
                        Map.of(
                                "closesAt",
                                Instant.now().plus(Duration.ofDays(1)).toString()))
                .statusCode(SC_CREATED)
                .extract()
                .path("id");
        respond(member.token(), survey, answers(Map.of("nps", 9)))
                .statusCode(SC_CREATED)
                .body("waveId", equalTo(next));
        assertEquals(3, db.writtenFor(survey).responses());
    }

    @Test
    void parallelDoubleSubmitsCountOnce() throws Exception {
        Db db = new Db(dataSource);
        for (boolean anonymous : List.of(false, true)) {
            var member = SurveyApi.newMember();
            String survey = SurveyApi.publishedSurvey(SurveyApi.npsSurvey(anonymous));
            Callable<Integer> submit = () -> respond(member.token(), survey, answers(Map.of("nps", 10)))
                    .extract()
                    .statusCode();
            List<Integer> statuses = Concurrently.run(
                    IntStream.range(0, 10).mapToObj(i -> submit).toList());
            assertEquals(
                    1, statuses.stream().filter(s -> s == SC_CREATED).count(), "exactly one accepted: " + statuses);
            assertEquals(9, statuses.stream().filter(s -> s == SC_CONFLICT).count(), "the rest are 409: " + statuses);
            assertEquals(
                    new Db.Written(1, anonymous ? 1 : 0, anonymous ? 0 : 1),
                    db.writtenFor(survey),
                    "anonymous=" + anonymous);
        }
    }

    @SendsInvalidRequests("sends what the document forbids, to see it refused")
    @Test
    void theWaveCanBeNamedAndMustThenBeOpen() {
        var member = SurveyApi.newMember();
        String survey = SurveyApi.publishedSurvey(SurveyApi.npsSurvey(false));
        String first = SurveyApi.openWaveId(survey);
        String other = SurveyApi.openWaveId(SurveyApi.publishedSurvey(SurveyApi.npsSurvey(false)));
        Map<String, Object> body = new HashMap<>(answers(Map.of("nps", 7)));

        body.put("waveId", other);
        respond(member.token(), survey, body).statusCode(SC_NOT_FOUND).body("type", endsWith("/unknown-wave"));
        SurveyApi.closeWave(survey, first).statusCode(SC_OK);
        body.put("waveId", first);
        respond(member.token(), survey, body).statusCode(SC_CONFLICT).body("type", endsWith("/wave-not-open"));
        String second = SurveyApi.addWave(
                        survey,
                        Map.of(
                                "closesAt",
                                Instant.now().plus(Duration.ofDays(2)).toString()))
                .statusCode(SC_CREATED)
                .extract()
                .path("id");
        body.put("waveId", second);
        respond(member.token(), survey, body).statusCode(SC_CREATED).body("waveId", equalTo(second));
    }

    @Test
    void draftClosedAndUnknownSurveysTakeNoResponses() {
        var member = SurveyApi.newMember();
        Db db = new Db(dataSource);
        String draft = SurveyApi.createDraft(SurveyApi.npsSurvey(false));
        respond(member.token(), draft, answers(Map.of("nps", 7)))
                .statusCode(SC_CONFLICT)
                .contentType("application/problem+json")
                .body("type", endsWith("/survey-not-open"));
        String closed = SurveyApi.publishedSurvey(SurveyApi.npsSurvey(false));
        SurveyApi.close(closed).statusCode(SC_OK);
        respond(member.token(), closed, answers(Map.of("nps", 7)))
                .statusCode(SC_CONFLICT)
                .body("type", endsWith("/survey-not-open"))
                .body("detail", containsString("CLOSED"));
        respond(member.token(), UUID.randomUUID().toString(), answers(Map.of("nps", 7)))
                .statusCode(SC_NOT_FOUND)
                .body("type", endsWith("/unknown-survey"));
        assertEquals(new Db.Written(0, 0, 0), db.writtenFor(draft));
        assertEquals(new Db.Written(0, 0, 0), db.writtenFor(closed));
    }

    @Test
    void everyTypeOnItsScaleIsAccepted() {
        String survey = SurveyApi.publishedSurvey(SurveyApi.everyTypeSurvey());
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("nps", 0);
        all.put("keep", 10);
        all.put("nrs", 5);
        all.put("quality", 100);
        all.put("ces", 0);
        all.put("effort", true);
        all.put("dwb", 1);
        all.put("reason", "x".repeat(2000));
        all.put("visit", "price");
        respond(SurveyApi.newMember().token(), survey, answers(all, "STORE", "S042"))
                .statusCode(SC_CREATED)
                .body(
                        "answers.questionId",
                        equalTo(List.of("nps", "keep", "nrs", "quality", "ces", "effort", "dwb", "reason", "visit")))
                .body("answers.find { it.questionId == 'quality' }.dimension", equalTo("PERCEIVED_QUALITY"))
                .body("answers.find { it.questionId == 'quality' }.score", equalTo(100))
                .body("answers.find { it.questionId == 'effort' }.yes", equalTo(true))
                .body("answers.find { it.questionId == 'effort' }.score", nullValue())
                .body("answers.find { it.questionId == 'visit' }.choice", equalTo("price"));
        // only the required question; null and blank answers count as not answered
        Map<String, Object> minimal = new HashMap<>();
        minimal.put("nps", 6);
        minimal.put("reason", " ");
        minimal.put("visit", null);
        respond(SurveyApi.newMember().token(), survey, answers(minimal, "EMAIL", null))
                .statusCode(SC_CREATED)
                .body("answers.questionId", equalTo(List.of("nps")));
        var records = TestKafka.read(Topics.SURVEY_RESPONSES, r -> r.value().contains(survey), 2, KAFKA_WAIT);
        assertEquals(2, records.size());
        SurveyResponded full = records.stream()
                .map(r -> EventJson.payload(EventJson.read(r.value()), SurveyResponded.class))
                .filter(p -> p.answers().size() == 9)
                .findFirst()
                .orElseThrow();
        assertEquals(
                new SurveyResponded.Answer("quality", "CSI", "PERCEIVED_QUALITY", 100, null, null, null),
                full.answers().get(3));
        assertEquals(
                new SurveyResponded.Answer("effort", "CES_BINARY", null, null, true, null, null),
                full.answers().get(5));
        assertEquals(
                new SurveyResponded.Answer("visit", "CHOICE", null, null, null, null, "price"),
                full.answers().get(8));
        assertEquals("STORE", full.channel());
        assertEquals("S042", full.storeId());
    }

    @SendsInvalidRequests("sends what the document forbids, to see it refused")
    @Test
    void eachInvalidAnswerIs422NamingTheQuestionAndStoresNothing() {
        var member = SurveyApi.newMember();
        Db db = new Db(dataSource);
        String survey = SurveyApi.publishedSurvey(SurveyApi.everyTypeSurvey());
        double rejectedBefore = counter("loyalty.survey.responses.rejected", "reason", "invalid-answers");
        record Case(String questionId, Object value, String message) {}
        List<Case> cases = List.of(
                new Case("nps", 11, "out of range"),
                new Case("nps", -1, "out of range"),
                new Case("nps", "10", "integer"),
                new Case("nps", 7.5, "integer"),
                new Case("keep", 11, "out of range"),
                new Case("nrs", 0, "out of range"),
                new Case("nrs", 6, "out of range"),
                new Case("quality", 101, "out of range"),
                new Case("ces", 11, "out of range"),
                new Case("effort", "yes", "true"),
                new Case("effort", 1, "true"),
                new Case("dwb", 6, "out of range"),
                new Case("dwb", 0, "out of range"),
                new Case("reason", 42, "string"),
                new Case("visit", "drinks", "not an option"),
                new Case("visit", List.of("food"), "option"),
                new Case("stars", 5, "no question 'stars'"));
        for (Case c : cases) {
            Map<String, Object> given = new HashMap<>();
            given.put("nps", 9);
            given.put(c.questionId(), c.value());
            invalidAnswers(member.token(), survey, given)
                    .body("errors", hasSize(1))
                    .body("errors[0].questionId", equalTo(c.questionId()))
                    .body("errors[0].field", equalTo("answers." + c.questionId()))
                    .body("errors[0].message", containsString(c.message()))
                    .body("detail", containsString(c.questionId()));
        }
        // a required question left out
        invalidAnswers(member.token(), survey, Map.of("keep", 5))
                .body("errors.questionId", equalTo(List.of("nps")))
                .body("errors[0].message", containsString("required"));
        Map<String, Object> nullRequired = new HashMap<>();
        nullRequired.put("nps", null);
        invalidAnswers(member.token(), survey, nullRequired).body("errors.questionId", equalTo(List.of("nps")));
        invalidAnswers(member.token(), survey, Map.of()).body("errors.questionId", equalTo(List.of("nps")));
        // several at once: every offending question is named
        invalidAnswers(member.token(), survey, Map.of("nps", 12, "nrs", 9, "bogus", 1))
                .body("errors.questionId", equalTo(List.of("bogus", "nps", "nrs")));

        assertEquals(new Db.Written(0, 0, 0), db.writtenFor(survey));
        assertEquals(
                rejectedBefore + cases.size() + 4,
                counter("loyalty.survey.responses.rejected", "reason", "invalid-answers"));
        // none of that used up the member's answer
        respond(member.token(), survey, answers(Map.of("nps", 9))).statusCode(SC_CREATED);
        assertEquals(new Db.Written(1, 0, 1), db.writtenFor(survey));
    }

    @SendsInvalidRequests("sends what the document forbids, to see it refused")
    @Test
    void asManyUnknownAnswersAsAllowedGetABoundedProblemAndStoreNothing() {
        var member = SurveyApi.newMember();
        Db db = new Db(dataSource);
        String survey = SurveyApi.publishedSurvey(SurveyApi.npsSurvey(false));
        // the most a response may hold: 100 answers, 99 of them to questions the survey does not have, with ids of the
        // longest length: each is an error naming its id, and the problem lists 50
        int unknown = SubmitResponseRequest.MAX_ANSWERS - 1;
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("nps", 9);
        for (int i = 0; i < unknown; i++) {
            given.put("%02d".formatted(i) + "k".repeat(62), 1);
        }
        String problem = respond(member.token(), survey, answers(given))
                .statusCode(SC_UNPROCESSABLE_ENTITY)
                .contentType("application/problem+json")
                .body("type", endsWith("/invalid-answers"))
                .body("errors", hasSize(50))
                .body("errorCount", equalTo(unknown))
                .body("detail", endsWith("(and " + (unknown - 1) + " more)"))
                .extract()
                .asString();
        assertTrue(problem.length() < 50_000, "bounded: " + problem.length() + " characters");
        assertEquals(new Db.Written(0, 0, 0), db.writtenFor(survey));
        respond(member.token(), survey, answers(Map.of("nps", 9))).statusCode(SC_CREATED);
    }

    @SendsInvalidRequests("sends what the document forbids, to see it refused")
    @Test
    void oversizedAnswersAre400And413NamingTheFieldAndStoreNothing() {
        var member = SurveyApi.newMember();
        Db db = new Db(dataSource);
        for (boolean anonymous : List.of(false, true)) {
            String survey = SurveyApi.publishedSurvey(SurveyApi.npsSurvey(anonymous));
            double before = counter("loyalty.survey.responses.rejected", "reason", "answer-too-large");
            // a text one character too long, to a TEXT question or to any other (never echoed back)
            for (String questionId : List.of("reason", "nps", "no-such-question")) {
                Map<String, Object> given = new HashMap<>();
                given.put("nps", 9);
                given.put(questionId, "x".repeat(2001));
                respond(member.token(), survey, answers(given))
                        .statusCode(SC_BAD_REQUEST)
                        .contentType("application/problem+json")
                        .body("type", endsWith("/answer-too-large"))
                        .body("field", equalTo("answers." + questionId))
                        .body("detail", equalTo("answers." + questionId + ": an answer has at most 2000 characters"));
            }
            // a question id longer than any survey has
            respond(member.token(), survey, answers(Map.of("nps", 9, "q".repeat(65), 1)))
                    .statusCode(SC_BAD_REQUEST)
                    .body("type", endsWith("/answer-too-large"))
                    .body("field", equalTo("answers"));
            // more answers than any survey has questions
            Map<String, Object> tooMany = new LinkedHashMap<>();
            IntStream.rangeClosed(0, SubmitResponseRequest.MAX_ANSWERS).forEach(i -> tooMany.put("q" + i, 1));
            respond(member.token(), survey, answers(tooMany))
                    .statusCode(SC_BAD_REQUEST)
                    .contentType("application/problem+json")
                    .body("violations[0].field", endsWith("answers"))
                    .body("violations[0].message", containsString("at most 100 answers"));
            // a body over 1 MiB, whatever it holds: refused before it is read (20,000 answers with 10,000-character ids
            // once made a 422 of tens of MB)
            StringBuilder huge = new StringBuilder("{\"channel\": \"APP\", \"answers\": {\"nps\": 9");
            for (int i = 0; huge.length() <= 1024 * 1024; i++) {
                huge.append(", \"")
                        .append("%010d".formatted(i))
                        .append("k".repeat(9_990))
                        .append("\": 1");
            }
            huge.append("}}");
            post(member.token(), survey, huge.toString())
                    .statusCode(413)
                    .contentType("application/problem+json")
                    .body("status", equalTo(413))
                    .body("type", endsWith("/request-too-large"))
                    .body("field", equalTo("body"));
            assertEquals(new Db.Written(0, 0, 0), db.writtenFor(survey), "anonymous=" + anonymous);
            assertEquals(before + 4, counter("loyalty.survey.responses.rejected", "reason", "answer-too-large"));
            // the longest text is accepted
            respond(member.token(), survey, answers(Map.of("nps", 9, "reason", "é".repeat(2000))))
                    .statusCode(SC_CREATED);
        }
    }

    @Test
    void invalidAnswersOfAnAnonymousSurveyRecordNoParticipation() {
        var member = SurveyApi.newMember();
        Db db = new Db(dataSource);
        String survey = SurveyApi.publishedSurvey(SurveyApi.npsSurvey(true));
        invalidAnswers(member.token(), survey, Map.of("nps", 100)).body("errors[0].questionId", equalTo("nps"));
        assertEquals(new Db.Written(0, 0, 0), db.writtenFor(survey));
        respond(member.token(), survey, answers(Map.of("nps", 10))).statusCode(SC_CREATED);
        assertEquals(new Db.Written(1, 1, 0), db.writtenFor(survey)); // staged: no event until mixed
    }

    @SendsInvalidRequests("sends what the document forbids, to see it refused")
    @Test
    void aMalformedOrIncompleteBodyIs400AndStoresNothing() {
        var member = SurveyApi.newMember();
        Db db = new Db(dataSource);
        String survey = SurveyApi.publishedSurvey(SurveyApi.npsSurvey(false));
        post(member.token(), survey, "{\"answers\": {\"nps\": 10, ")
                .statusCode(SC_BAD_REQUEST)
                .contentType("application/problem+json")
                .body("status", equalTo(SC_BAD_REQUEST));
        post(member.token(), survey, "").statusCode(SC_BAD_REQUEST).contentType("application/problem+json");
        post(member.token(), survey, "{\"answers\": {\"nps\": 10}}")
                .statusCode(SC_BAD_REQUEST)
                .contentType("application/problem+json")
                .body("violations.field", hasItem(containsString("channel")));
        post(member.token(), survey, "{\"answers\": {\"nps\": 10}, \"channel\": \"PIGEON\"}")
                .statusCode(SC_BAD_REQUEST)
                .contentType("application/problem+json")
                .body("detail", containsString("PIGEON"));
        post(member.token(), survey, "{\"channel\": \"APP\"}")
                .statusCode(SC_BAD_REQUEST)
                .contentType("application/problem+json");
        post(member.token(), survey, "{\"answers\": [10], \"channel\": \"APP\"}")
                .statusCode(SC_BAD_REQUEST)
                .contentType("application/problem+json");
        post(
                        member.token(),
                        survey,
                        "{\"answers\": {\"nps\": 10}, \"channel\": \"APP\", \"storeId\": \"" + "s".repeat(65) + "\"}")
                .statusCode(SC_BAD_REQUEST)
                .contentType("application/problem+json");
        post(member.token(), survey, "{\"answers\": {\"nps\": 10}, \"channel\": \"APP\", \"waveId\": \"not-a-uuid\"}")
                .statusCode(SC_BAD_REQUEST)
                .contentType("application/problem+json");
        assertEquals(new Db.Written(0, 0, 0), db.writtenFor(survey));
    }

    @Test
    void onlyMembersRespond() {
        String survey = SurveyApi.publishedSurvey(SurveyApi.npsSurvey(false));
        Db db = new Db(dataSource);
        given().contentType(ContentType.JSON)
                .body(answers(Map.of("nps", 10)))
                .when()
                .post("/api/surveys/{id}/responses", survey)
                .then()
                .statusCode(SC_UNAUTHORIZED)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
        for (String token : List.of(SurveyApi.MARKETER, TestTokens.token("staff-r", "staff"), SurveyApi.ADMIN)) {
            respond(token, survey, answers(Map.of("nps", 10)))
                    .statusCode(SC_FORBIDDEN)
                    .contentType("application/problem+json")
                    .body("status", equalTo(SC_FORBIDDEN));
        }
        assertEquals(new Db.Written(0, 0, 0), db.writtenFor(survey));
    }

    private static ValidatableResponse invalidAnswers(String token, String survey, Map<String, Object> given) {
        return respond(token, survey, answers(given))
                .statusCode(SC_UNPROCESSABLE_ENTITY)
                .contentType("application/problem+json")
                .body("status", equalTo(SC_UNPROCESSABLE_ENTITY))
                .body("type", endsWith("/invalid-answers"));
    }

    private static ValidatableResponse post(String token, String survey, String json) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(json)
                .when()
                .post("/api/surveys/{id}/responses", survey)
                .then();
    }

    private double counter(String name, String... tags) {
        Counter c = registry.find(name).tags(tags).counter();
        return c == null ? 0 : c.count();
    }
}
