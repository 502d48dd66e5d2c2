package com.example.loyalty.survey;

import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_CREATED;
import static org.apache.http.HttpStatus.SC_OK;

import com.example.loyalty.events.EventEnvelope;
import com.example.loyalty.events.EventJson;
import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.MemberEnrolled;
import com.example.loyalty.events.SegmentChanged;
import com.example.loyalty.events.TierChanged;
import com.example.loyalty.events.Topics;
import com.example.loyalty.testing.TestKafka;
import com.example.loyalty.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Calls of the survey API, request bodies and points-service events used across the tests. */
public final class SurveyApi {

    public static final String MARKETER = TestTokens.token("marketer-" + UUID.randomUUID(), "marketer");
    public static final String ADMIN = TestTokens.token("admin-" + UUID.randomUUID(), "admin");
    /** Consumer group join and the first fetch can take a while on a busy machine. */
    public static final Duration PATIENCE = Duration.ofSeconds(90);

    private SurveyApi() {}

    /** A member: token subject, token and (when the directory should know them) the points member id. */
    public record Member(String subject, String token, String memberId) {}

    public static Member newMember() {
        String subject = UUID.randomUUID().toString();
        return new Member(
                subject, TestTokens.token(subject, "member"), UUID.randomUUID().toString());
    }

    /** The contract's body: an NPS question (required) and a free-text reason. */
    public static Map<String, Object> npsSurvey(boolean anonymous) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", Map.of("en", "How are we doing?", "ja", "ご意見をお聞かせください"));
        body.put("anonymous", anonymous);
        body.put(
                "questions",
                List.of(
                        Map.of(
                                "id",
                                "nps",
                                "type",
                                "NPS",
                                "text",
                                Map.of("en", "How likely are you to recommend us?", "ja", "友人に勧める可能性は?"),
                                "required",
                                true),
                        Map.of("id", "reason", "type", "TEXT", "text", Map.of("en", "Why?"))));
        return body;
    }

    /** One question of every type. */
    public static Map<String, Object> everyTypeSurvey() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", Map.of("ja", "総合アンケート"));
        body.put(
                "questions",
                List.of(
                        question("nps", "NPS", true),
                        question("keep", "CONTINUED_USE", false),
                        question("nrs", "NRS", false),
                        Map.of(
                                "id",
                                "quality",
                                "type",
                                "CSI",
                                "dimension",
                                "PERCEIVED_QUALITY",
                                "text",
                                Map.of("en", "Quality?")),
                        question("ces", "CES", false),
                        question("effort", "CES_BINARY", false),
                        question("dwb", "DWB", false),
                        question("reason", "TEXT", false),
                        Map.of(
                                "id",
                                "visit",
                                "type",
                                "CHOICE",
                                "text",
                                Map.of("en", "Why did you come?"),
                                "options",
                                List.of(
                                        Map.of("id", "food", "text", Map.of("en", "Food", "ja", "食べ物")),
                                        Map.of("id", "price", "text", Map.of("en", "Price"))))));
        return body;
    }

    public static Map<String, Object> question(String id, String type, boolean required) {
        return Map.of("id", id, "type", type, "text", Map.of("en", "Question " + id), "required", required);
    }

    public static ValidatableResponse create(Object body) {
        return given().auth()
                .oauth2(MARKETER)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/surveys")
                .then();
    }

    public static String createDraft(Object body) {
        return create(body).statusCode(SC_CREATED).extract().path("id");
    }

    public static ValidatableResponse publish(String surveyId) {
        return given().auth()
                .oauth2(MARKETER)
                .contentType(ContentType.JSON)
                .when()
                .post("/api/surveys/{id}/publish", surveyId)
                .then();
    }

    public static ValidatableResponse publish(String surveyId, Object body) {
        return given().auth()
                .oauth2(MARKETER)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/surveys/{id}/publish", surveyId)
                .then();
    }

    /** Creates and publishes a survey open to everyone; returns its id. */
    public static String publishedSurvey(Object body) {
        String id = createDraft(body);
        publish(id).statusCode(SC_OK);
        return id;
    }

    public static ValidatableResponse close(String surveyId) {
        return given().auth()
                .oauth2(MARKETER)
                .when()
                .post("/api/surveys/{id}/close", surveyId)
                .then();
    }

    public static ValidatableResponse addWave(String surveyId, Object body) {
        return given().auth()
                .oauth2(MARKETER)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/surveys/{id}/waves", surveyId)
                .then();
    }

    public static ValidatableResponse closeWave(String surveyId, String waveId) {
        return given().auth()
                .oauth2(MARKETER)
                .when()
                .post("/api/surveys/{id}/waves/{wave}/close", surveyId, waveId)
                .then();
    }

    /** The id of the survey's open wave, as its detail shows it. */
    public static String openWaveId(String surveyId) {
        return given().auth()
                .oauth2(MARKETER)
                .when()
                .get("/api/surveys/{id}", surveyId)
                .then()
                .statusCode(SC_OK)
                .extract()
                .path("openWave.id");
    }

    public static ValidatableResponse respond(String token, String surveyId, Object body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/surveys/{id}/responses", surveyId)
                .then();
    }

    public static Map<String, Object> answers(Map<String, Object> answers) {
        return answers(answers, "APP", "S001");
    }

    public static Map<String, Object> answers(Map<String, Object> answers, String channel, String storeId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("answers", answers);
        body.put("channel", channel);
        if (storeId != null) {
            body.put("storeId", storeId);
        }
        return body;
    }

    public static ValidatableResponse openSurveys(String token) {
        return given().auth().oauth2(token).when().get("/api/surveys/me/open").then();
    }

    /** Ids of the surveys the member may answer now. */
    public static List<String> openSurveyIds(String token) {
        return openSurveys(token).statusCode(SC_OK).extract().jsonPath().getList("id", String.class);
    }

    /** MemberEnrolled as points-service publishes it, on member-events keyed by member id. */
    public static EventEnvelope enrolled(Member member, String tier) {
        EventEnvelope event = EventJson.envelope(
                EventTypes.MEMBER_ENROLLED,
                MemberEnrolled.SCHEMA_VERSION,
                Instant.now(),
                member.memberId(),
                new MemberEnrolled("88" + member.memberId().hashCode(), tier, member.subject()));
        TestKafka.send(Topics.MEMBER_EVENTS, member.memberId(), EventJson.write(event));
        return event;
    }

    /** TierChanged as points-service publishes it, on loyalty-transactions keyed by member id. */
    public static EventEnvelope tierChanged(Member member, String from, String to, Instant at) {
        EventEnvelope event = EventJson.envelope(
                EventTypes.TIER_CHANGED,
                TierChanged.SCHEMA_VERSION,
                at,
                member.memberId(),
                new TierChanged(from, to, 30_000));
        TestKafka.send(Topics.LOYALTY_TRANSACTIONS, member.memberId(), EventJson.write(event));
        return event;
    }

    /** SegmentChanged as metrics-service publishes it, on loyalty-insights keyed by member id. */
    public static EventEnvelope segmentChanged(
            Member member, String currency, LocalDate asOf, String segment, String quadrant) {
        return segmentChanged(member.memberId(), currency, asOf, segment, quadrant);
    }

    /** SegmentChanged as metrics-service publishes it, on loyalty-insights keyed by member id. */
    public static EventEnvelope segmentChanged(
            String memberId, String currency, LocalDate asOf, String segment, String quadrant) {
        EventEnvelope event = EventJson.envelope(
                EventTypes.SEGMENT_CHANGED,
                SegmentChanged.SCHEMA_VERSION,
                Instant.now(),
                memberId,
                new SegmentChanged(currency, asOf, null, segment, quadrant, 3, 3, 3));
        TestKafka.send(Topics.LOYALTY_INSIGHTS, memberId, EventJson.write(event));
        return event;
    }
}
