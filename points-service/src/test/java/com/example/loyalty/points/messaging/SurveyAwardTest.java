package com.example.loyalty.points.messaging;

import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_CREATED;
import static org.apache.http.HttpStatus.SC_OK;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.events.EventEnvelope;
import com.example.loyalty.events.EventJson;
import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.PointsAwarded;
import com.example.loyalty.events.SurveyResponded;
import com.example.loyalty.events.Topics;
import com.example.loyalty.testing.TestKafka;
import com.example.loyalty.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Answering a survey earns the configured award (50) once per member per wave, whatever Kafka redelivers. */
@QuarkusTest
class SurveyAwardTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void aSurveyAnswerEarnsFiftyPointsOncePerWave() {
        Member m = enrol();
        UUID survey = UUID.randomUUID();
        UUID wave = UUID.randomUUID();
        String first = event(m.id, null, survey, wave, false);

        TestKafka.send(Topics.SURVEY_RESPONSES, m.id, first);
        await().atMost(WAIT).untilAsserted(() -> assertEquals(50, balance(m)));

        // redelivery of the same event, and a second response to the same wave (a survey-service replay)
        TestKafka.send(Topics.SURVEY_RESPONSES, m.id, first);
        TestKafka.send(Topics.SURVEY_RESPONSES, m.id, event(m.id, null, survey, wave, false));
        // a marker in another wave proves the two above were consumed before we look
        TestKafka.send(Topics.SURVEY_RESPONSES, m.id, event(m.id, null, survey, UUID.randomUUID(), false));
        await().atMost(WAIT).untilAsserted(() -> assertEquals(100, balance(m)));
        assertLedger(m, 2, 100);

        List<ConsumerRecord<String, String>> awarded = TestKafka.read(
                Topics.LOYALTY_TRANSACTIONS,
                r -> m.id.equals(r.key())
                        && EventTypes.POINTS_AWARDED.equals(
                                EventJson.read(r.value()).type()),
                2,
                WAIT);
        assertEquals(2, awarded.size());
        PointsAwarded payload = EventJson.payload(EventJson.read(awarded.get(0).value()), PointsAwarded.class);
        assertEquals(50, payload.points());
        assertEquals("SURVEY", payload.referenceType());
        assertEquals(wave.toString(), payload.referenceId());
    }

    @Test
    void manyDeliveriesForOneWaveAtOnceStillEarnOnce() {
        Member m = enrol();
        UUID survey = UUID.randomUUID();
        UUID wave = UUID.randomUUID();
        IntStream.range(0, 8)
                .parallel()
                .forEach(i -> TestKafka.send(Topics.SURVEY_RESPONSES, m.id, event(m.id, null, survey, wave, false)));
        TestKafka.send(Topics.SURVEY_RESPONSES, m.id, event(m.id, null, survey, UUID.randomUUID(), false));
        await().atMost(WAIT).untilAsserted(() -> assertEquals(100, balance(m)));
        assertLedger(m, 2, 100);
    }

    @Test
    void aMemberKnownOnlyByTokenSubjectIsFoundAndAnonymousAnswersEarnNothing() {
        Member m = enrol();
        UUID survey = UUID.randomUUID();
        // survey-service had not yet learnt the member id: the subject identifies the member
        TestKafka.send(
                Topics.SURVEY_RESPONSES,
                UUID.randomUUID().toString(),
                event(null, m.subject, survey, UUID.randomUUID(), false));
        await().atMost(WAIT).untilAsserted(() -> assertEquals(50, balance(m)));

        TestKafka.send(
                Topics.SURVEY_RESPONSES,
                UUID.randomUUID().toString(),
                event(null, null, survey, UUID.randomUUID(), true));
        // an unknown member earns nothing and does not stop the consumer
        TestKafka.send(
                Topics.SURVEY_RESPONSES,
                "x",
                event(UUID.randomUUID().toString(), "nobody-" + UUID.randomUUID(), survey, UUID.randomUUID(), false));
        TestKafka.send(Topics.SURVEY_RESPONSES, m.id, event(m.id, m.subject, survey, UUID.randomUUID(), false));
        await().atMost(WAIT).untilAsserted(() -> assertEquals(100, balance(m)));
        assertLedger(m, 2, 100);
    }

    @Test
    void poisonGoesToTheDeadLetterTopicAndTheNextAnswerStillEarns() {
        Member m = enrol();
        String marker = "poison-" + UUID.randomUUID();
        TestKafka.send(Topics.SURVEY_RESPONSES, marker, "{this is not json");
        TestKafka.send(Topics.SURVEY_RESPONSES, m.id, event(m.id, null, UUID.randomUUID(), UUID.randomUUID(), false));
        await().atMost(WAIT).untilAsserted(() -> assertEquals(50, balance(m)));
        List<ConsumerRecord<String, String>> dead =
                TestKafka.read("survey-responses.points.dlq", r -> marker.equals(r.key()), 1, WAIT);
        assertEquals(1, dead.size());
    }

    private record Member(String token, String subject, String id) {}

    private static Member enrol() {
        String subject = "survey-member-" + UUID.randomUUID();
        String token = TestTokens.token(subject, "member");
        String id = given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/api/points/members/me")
                .then()
                .statusCode(SC_CREATED)
                .extract()
                .path("id");
        return new Member(token, subject, id);
    }

    private static long balance(Member m) {
        return given().auth()
                .oauth2(m.token)
                .when()
                .get("/api/points/members/me")
                .then()
                .statusCode(SC_OK)
                .extract()
                .jsonPath()
                .getLong("balance");
    }

    private static void assertLedger(Member m, int entries, long sum) {
        var items = given().auth()
                .oauth2(m.token)
                .when()
                .get("/api/points/members/me/ledger")
                .then()
                .statusCode(SC_OK)
                .extract()
                .jsonPath();
        assertEquals(entries, items.getInt("total"));
        assertEquals(
                sum,
                items.getList("items.points", Long.class).stream()
                        .mapToLong(Long::longValue)
                        .sum());
        assertTrue(items.getList("items.referenceType", String.class).stream().allMatch("SURVEY"::equals));
    }

    private static String event(String memberId, String subject, UUID survey, UUID wave, boolean anonymous) {
        SurveyResponded payload = new SurveyResponded(
                UUID.randomUUID(),
                survey,
                wave,
                memberId,
                subject,
                anonymous,
                "REGULAR",
                "APP",
                "S001",
                Instant.now(),
                List.of(new SurveyResponded.Answer("nps", "NPS", null, 9, null, null, null)));
        EventEnvelope envelope = EventJson.envelope(
                EventTypes.SURVEY_RESPONDED, SurveyResponded.SCHEMA_VERSION, Instant.now(), memberId, payload);
        return EventJson.write(envelope);
    }
}
