package com.example.loyalty.points.messaging;

import static io.restassured.RestAssured.given;
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
import com.example.loyalty.points.PointsDb;
import com.example.loyalty.points.SurveyWaves;
import com.example.loyalty.points.rest.PointsApi;
import com.example.loyalty.points.service.SurveyHolds;
import com.example.loyalty.testing.TestKafka;
import com.example.loyalty.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Answering a survey earns the configured award (50) once per member per wave, whatever Kafka redelivers; only for a
 * wave survey-service published on survey-waves, inside its window; at most once per member per survey in 30 days.
 */
@QuarkusTest
class SurveyAwardTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    SurveyHolds holds;

    @Test
    void aSurveyAnswerEarnsFiftyPointsOncePerWave() {
        Member m = enrol();
        UUID survey = UUID.randomUUID();
        UUID wave = SurveyWaves.publishedWave(survey);
        String first = event(m.id, null, survey, wave, false);

        TestKafka.send(Topics.SURVEY_RESPONSES, m.id, first);
        await().atMost(WAIT).untilAsserted(() -> assertEquals(50, balance(m)));

        // redelivery of the same event, and a second response to the same wave (a survey-service replay)
        TestKafka.send(Topics.SURVEY_RESPONSES, m.id, first);
        TestKafka.send(Topics.SURVEY_RESPONSES, m.id, event(m.id, null, survey, wave, false));
        // a marker in a wave of another survey proves the two above were consumed before we look
        UUID other = UUID.randomUUID();
        TestKafka.send(
                Topics.SURVEY_RESPONSES, m.id, event(m.id, null, other, SurveyWaves.publishedWave(other), false));
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
        UUID wave = SurveyWaves.publishedWave(survey);
        IntStream.range(0, 8)
                .parallel()
                .forEach(i -> TestKafka.send(Topics.SURVEY_RESPONSES, m.id, event(m.id, null, survey, wave, false)));
        UUID other = UUID.randomUUID();
        TestKafka.send(
                Topics.SURVEY_RESPONSES, m.id, event(m.id, null, other, SurveyWaves.publishedWave(other), false));
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
                event(null, m.subject, survey, SurveyWaves.publishedWave(survey), false));
        await().atMost(WAIT).untilAsserted(() -> assertEquals(50, balance(m)));

        UUID anonymous = UUID.randomUUID();
        TestKafka.send(
                Topics.SURVEY_RESPONSES,
                UUID.randomUUID().toString(),
                event(null, null, anonymous, SurveyWaves.publishedWave(anonymous), true));
        // an unknown member earns nothing and does not stop the consumer
        UUID third = UUID.randomUUID();
        TestKafka.send(
                Topics.SURVEY_RESPONSES,
                "x",
                event(
                        UUID.randomUUID().toString(),
                        "nobody-" + UUID.randomUUID(),
                        third,
                        SurveyWaves.publishedWave(third),
                        false));
        UUID fourth = UUID.randomUUID();
        TestKafka.send(
                Topics.SURVEY_RESPONSES,
                m.id,
                event(m.id, m.subject, fourth, SurveyWaves.publishedWave(fourth), false));
        await().atMost(WAIT).untilAsserted(() -> assertEquals(100, balance(m)));
        assertLedger(m, 2, 100);
    }

    @Test
    void poisonGoesToTheDeadLetterTopicAndTheNextAnswerStillEarns() {
        Member m = enrol();
        String marker = "poison-" + UUID.randomUUID();
        TestKafka.send(Topics.SURVEY_RESPONSES, marker, "{this is not json");
        TestKafka.send(Topics.SURVEY_WAVES, marker, "{nor is this");
        UUID survey = UUID.randomUUID();
        TestKafka.send(
                Topics.SURVEY_RESPONSES, m.id, event(m.id, null, survey, SurveyWaves.publishedWave(survey), false));
        await().atMost(WAIT).untilAsserted(() -> assertEquals(50, balance(m)));
        assertEquals(
                1,
                TestKafka.read("survey-responses.points.dlq", r -> marker.equals(r.key()), 1, WAIT)
                        .size());
        assertEquals(
                1,
                TestKafka.read("survey-waves.points.dlq", r -> marker.equals(r.key()), 1, WAIT)
                        .size());
    }

    @Test
    void aForgedAnswerEarnsNothing() {
        Member m = enrol();
        PointsDb db = new PointsDb(dataSource);
        UUID survey = UUID.randomUUID();
        UUID wave = SurveyWaves.publishedWave(survey);
        // a wave nobody published: held, waiting for a wave that never comes
        UUID unknownWave = UUID.randomUUID();
        TestKafka.send(Topics.SURVEY_RESPONSES, m.id, event(m.id, null, survey, unknownWave, false));
        // a published wave, but named with another survey, or answered outside its window
        TestKafka.send(Topics.SURVEY_RESPONSES, m.id, event(m.id, null, UUID.randomUUID(), wave, false));
        TestKafka.send(
                Topics.SURVEY_RESPONSES,
                m.id,
                event(m.id, null, survey, wave, false, Instant.now().minus(Duration.ofDays(2))));
        TestKafka.send(
                Topics.SURVEY_RESPONSES,
                m.id,
                event(m.id, null, survey, wave, false, Instant.now().plus(Duration.ofDays(2))));
        // a marker of another survey, awarded after the four above were consumed
        UUID other = UUID.randomUUID();
        TestKafka.send(
                Topics.SURVEY_RESPONSES, m.id, event(m.id, null, other, SurveyWaves.publishedWave(other), false));
        await().atMost(WAIT).untilAsserted(() -> assertEquals(50, balance(m)));
        assertEquals(1, held(db, unknownWave));
        assertEquals(0, db.number("select count(*) from survey_award where wave_id = ?", wave));

        // the hold ends (7 days): dropped, and a wave arriving after that finds nothing to award
        assertTrue(holds.prune(Instant.now().plus(Duration.ofDays(8))) >= 1);
        assertEquals(0, held(db, unknownWave));
        SurveyWaves.publish(
                survey,
                unknownWave,
                Instant.now().minus(Duration.ofHours(1)),
                Instant.now().plus(Duration.ofDays(1)));
        UUID last = UUID.randomUUID();
        TestKafka.send(Topics.SURVEY_RESPONSES, m.id, event(m.id, null, last, SurveyWaves.publishedWave(last), false));
        await().atMost(WAIT).untilAsserted(() -> assertEquals(100, balance(m)));
        assertLedger(m, 2, 100);
        assertEquals(0, db.number("select count(*) from survey_award where wave_id = ?", unknownWave));
    }

    @Test
    void anAnswerArrivingBeforeItsWaveIsAwardedWhenTheWaveArrivesExactlyOnce() {
        Member m = enrol();
        PointsDb db = new PointsDb(dataSource);
        UUID survey = UUID.randomUUID();
        UUID wave = UUID.randomUUID();
        String answer = event(m.id, null, survey, wave, false);
        TestKafka.send(Topics.SURVEY_RESPONSES, m.id, answer);
        await().atMost(WAIT).until(() -> held(db, wave) == 1);
        assertEquals(0, balance(m));

        Instant opens = Instant.now().minus(Duration.ofHours(1));
        Instant closes = Instant.now().plus(Duration.ofDays(1));
        SurveyWaves.publish(survey, wave, opens, closes);
        await().atMost(WAIT).untilAsserted(() -> assertEquals(50, balance(m)));
        assertEquals(0, held(db, wave));

        // the answer and the wave again (redeliveries, a re-announcement): nothing more
        TestKafka.send(Topics.SURVEY_RESPONSES, m.id, answer);
        TestKafka.send(Topics.SURVEY_RESPONSES, m.id, event(m.id, null, survey, wave, false));
        SurveyWaves.publish(survey, wave, opens, closes);
        UUID other = UUID.randomUUID();
        TestKafka.send(
                Topics.SURVEY_RESPONSES, m.id, event(m.id, null, other, SurveyWaves.publishedWave(other), false));
        await().atMost(WAIT).untilAsserted(() -> assertEquals(100, balance(m)));
        assertLedger(m, 2, 100);
        assertEquals(1, db.number("select count(*) from survey_award where wave_id = ?", wave));
    }

    @Test
    void closingAWaveAndOpeningTheNextPaysAMemberOncePerSurveyIn30Days() {
        Member m = enrol();
        PointsDb db = new PointsDb(dataSource);
        UUID survey = UUID.randomUUID();
        Instant now = Instant.now();
        // wave 1 answered, closed early; wave 2 opened right after and answered: within 30 days, nothing more
        UUID wave1 = UUID.randomUUID();
        SurveyWaves.publish(survey, wave1, now.minus(Duration.ofDays(2)), now.plus(Duration.ofDays(20)));
        SurveyWaves.close(survey, wave1, now.minus(Duration.ofDays(1)));
        UUID wave2 = UUID.randomUUID();
        SurveyWaves.publish(survey, wave2, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)));
        TestKafka.send(
                Topics.SURVEY_RESPONSES,
                m.id,
                event(m.id, null, survey, wave1, false, now.minus(Duration.ofHours(36))));
        await().atMost(WAIT).untilAsserted(() -> assertEquals(50, balance(m)));
        TestKafka.send(Topics.SURVEY_RESPONSES, m.id, event(m.id, null, survey, wave2, false, now));
        // a wave 40 days before is far enough from both: it earns, wherever it comes in the order
        UUID wave0 = UUID.randomUUID();
        SurveyWaves.publish(survey, wave0, now.minus(Duration.ofDays(45)), now.minus(Duration.ofDays(35)));
        TestKafka.send(
                Topics.SURVEY_RESPONSES, m.id, event(m.id, null, survey, wave0, false, now.minus(Duration.ofDays(40))));
        await().atMost(WAIT).untilAsserted(() -> assertEquals(100, balance(m)));
        UUID other = UUID.randomUUID();
        TestKafka.send(
                Topics.SURVEY_RESPONSES, m.id, event(m.id, null, other, SurveyWaves.publishedWave(other), false));
        await().atMost(WAIT).untilAsserted(() -> assertEquals(150, balance(m)));
        assertLedger(m, 3, 150);
        assertEquals("0", db.string("select points from survey_award where wave_id = ?", wave2));
        assertEquals(
                1,
                db.number("select count(*) from survey_wave where wave_id = ? and closed_at < closes_at", wave1),
                "the early close is known");
    }

    private record Member(String token, String subject, String id) {}

    private static Member enrol() {
        String subject = "survey-member-" + UUID.randomUUID();
        PointsApi.Enrolled enrolled = PointsApi.enrol(TestTokens.token(subject, "member"));
        return new Member(enrolled.token(), subject, enrolled.id());
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

    private static long held(PointsDb db, UUID wave) {
        return db.number("select count(*) from survey_response_held where wave_id = ?", wave);
    }

    private static String event(String memberId, String subject, UUID survey, UUID wave, boolean anonymous) {
        return event(memberId, subject, survey, wave, anonymous, Instant.now());
    }

    private static String event(
            String memberId, String subject, UUID survey, UUID wave, boolean anonymous, Instant answeredAt) {
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
                answeredAt,
                List.of(new SurveyResponded.Answer("nps", "NPS", null, 9, null, null, null)));
        EventEnvelope envelope = EventJson.envelope(
                EventTypes.SURVEY_RESPONDED, SurveyResponded.SCHEMA_VERSION, Instant.now(), memberId, payload);
        return EventJson.write(envelope);
    }
}
