package com.example.loyalty.survey.messaging;

import static com.example.loyalty.survey.SurveyApi.PATIENCE;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.events.EventEnvelope;
import com.example.loyalty.events.EventJson;
import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.FollowUpOpened;
import com.example.loyalty.events.SegmentChanged;
import com.example.loyalty.events.Topics;
import com.example.loyalty.survey.Db;
import com.example.loyalty.survey.SurveyApi;
import com.example.loyalty.testing.TestKafka;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** RFM segments and loyalty quadrants reach the member directory from metrics-service's events on the real topic. */
@QuarkusTest
class MemberSegmentsConsumerTest {

    private static final String CONSUMER = Topics.LOYALTY_INSIGHTS;
    private static final LocalDate NOV_1 = LocalDate.parse("2026-11-01");

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry registry;

    @Test
    void theNewestDayWinsAndALateEventCannotMoveAMemberBack() {
        var member = SurveyApi.newMember();
        Db db = new Db(dataSource);
        // scored before points-service's enrolment is seen: the row is created by the segment event
        SurveyApi.segmentChanged(member, "JPY", NOV_1, "AT_RISK", "LATENT_FAN");
        db.awaitSegment(member.memberId(), "AT_RISK", "LATENT_FAN", NOV_1);
        assertNull(db.single("select subject from member_directory where member_id = ?", id(member.memberId())));

        // a late event of an earlier recompute changes nothing
        EventEnvelope late =
                SurveyApi.segmentChanged(member, "JPY", NOV_1.minusDays(7), "CHAMPIONS", "KEEP_AND_REWARD");
        db.awaitProcessed(CONSUMER, late.eventId());
        db.awaitSegment(member.memberId(), "AT_RISK", "LATENT_FAN", NOV_1);

        // one as of the same day overwrites; no quadrant is UNKNOWN
        SurveyApi.segmentChanged(member, "JPY", NOV_1, "lost", null);
        db.awaitSegment(member.memberId(), "LOST", "UNKNOWN", NOV_1);

        // the enrolment arriving afterwards keeps the segment and sets subject and tier
        SurveyApi.enrolled(member, "SILVER");
        db.awaitDirectory(member.memberId(), member.subject(), "SILVER");
        db.awaitSegment(member.memberId(), "LOST", "UNKNOWN", NOV_1);

        // a redelivery of an applied event is a duplicate
        double duplicatesBefore = consumed("duplicate");
        send(late);
        await().atMost(PATIENCE).until(() -> consumed("duplicate") >= duplicatesBefore + 1);
        db.awaitSegment(member.memberId(), "LOST", "UNKNOWN", NOV_1);
    }

    @Test
    void ofSeveralEventsOfOneMemberTheLatestDayWinsWhateverTheirOrder() {
        var member = SurveyApi.newMember();
        Db db = new Db(dataSource);
        SurveyApi.segmentChanged(member, "JPY", NOV_1.plusDays(1), "NEW", "UNKNOWN");
        SurveyApi.segmentChanged(member, "JPY", NOV_1.plusDays(2), "PROMISING", "TEMPORARY_FAN");
        EventEnvelope last = SurveyApi.segmentChanged(member, "JPY", NOV_1, "HIBERNATING", "FIX_EXPERIENCE");
        db.awaitProcessed(CONSUMER, last.eventId());
        db.awaitSegment(member.memberId(), "PROMISING", "TEMPORARY_FAN", NOV_1.plusDays(2));
    }

    @Test
    void eventsInAnotherCurrencyAndFollowUpsAreIgnored() {
        var member = SurveyApi.newMember();
        var usdOnly = SurveyApi.newMember();
        Db db = new Db(dataSource);
        SurveyApi.segmentChanged(member, "JPY", NOV_1, "LOYAL", "KEEP_AND_REWARD");
        db.awaitSegment(member.memberId(), "LOYAL", "KEEP_AND_REWARD", NOV_1);

        EventEnvelope usd = SurveyApi.segmentChanged(member, "USD", NOV_1.plusDays(1), "LOST", "FIX_EXPERIENCE");
        EventEnvelope usdNew = SurveyApi.segmentChanged(usdOnly, "USD", NOV_1, "CHAMPIONS", "KEEP_AND_REWARD");
        db.awaitProcessed(CONSUMER, usd.eventId());
        db.awaitProcessed(CONSUMER, usdNew.eventId());
        db.awaitSegment(member.memberId(), "LOYAL", "KEEP_AND_REWARD", NOV_1);
        assertEquals(0, db.count("select count(*) from member_directory where member_id = ?", id(usdOnly.memberId())));

        // FollowUpOpened shares the topic: skipped by type, no inbox row, no directory row
        double ignoredBefore = consumed("ignored");
        String followUpMember = UUID.randomUUID().toString();
        EventEnvelope followUp = EventJson.envelope(
                EventTypes.FOLLOW_UP_OPENED,
                FollowUpOpened.SCHEMA_VERSION,
                Instant.now(),
                followUpMember,
                new FollowUpOpened(
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        "nps",
                        "DETRACTOR",
                        3,
                        "slow service",
                        "S001"));
        send(followUp);
        await().atMost(PATIENCE).until(() -> consumed("ignored") >= ignoredBefore + 1);
        assertEquals(
                0,
                db.count(
                        "select count(*) from processed_event where consumer = ? and event_id = ?",
                        CONSUMER,
                        followUp.eventId()));
        assertEquals(0, db.count("select count(*) from member_directory where member_id = ?", id(followUpMember)));
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicAndTheOthersOfTheirBatchAreApplied() {
        var member = SurveyApi.newMember();
        Db db = new Db(dataSource);
        double malformedBefore = rejected("malformed");
        double unprocessableBefore = rejected("unprocessable");
        String poisonKey = "poison-" + UUID.randomUUID();
        TestKafka.send(Topics.LOYALTY_INSIGHTS, poisonKey, "this is not an event");
        EventEnvelope noSegment = segmentEvent(UUID.randomUUID().toString(), "JPY", NOV_1, null, "LATENT_FAN");
        TestKafka.send(Topics.LOYALTY_INSIGHTS, poisonKey, EventJson.write(noSegment));
        EventEnvelope badMemberId = segmentEvent("not-a-uuid", "JPY", NOV_1, "LOYAL", null);
        TestKafka.send(Topics.LOYALTY_INSIGHTS, poisonKey, EventJson.write(badMemberId));
        EventEnvelope badName = segmentEvent(UUID.randomUUID().toString(), "JPY", NOV_1, "Not a segment!", null);
        TestKafka.send(Topics.LOYALTY_INSIGHTS, poisonKey, EventJson.write(badName));
        SurveyApi.segmentChanged(member, "JPY", NOV_1, "NEED_ATTENTION", "TEMPORARY_FAN");
        db.awaitSegment(member.memberId(), "NEED_ATTENTION", "TEMPORARY_FAN", NOV_1);

        List<ConsumerRecord<String, String>> dead = TestKafka.read(
                Topics.LOYALTY_INSIGHTS + ".survey-service.dlq", r -> poisonKey.equals(r.key()), 4, PATIENCE);
        assertEquals(4, dead.size());
        assertEquals("this is not an event", dead.get(0).value());
        assertEquals(EventJson.write(noSegment), dead.get(1).value());
        for (EventEnvelope poison : List.of(noSegment, badMemberId, badName)) {
            assertEquals(
                    0,
                    db.count(
                            "select count(*) from processed_event where consumer = ? and event_id = ?",
                            CONSUMER,
                            poison.eventId()),
                    "a dead-lettered event is not recorded as processed");
        }
        assertEquals(malformedBefore + 1, rejected("malformed"));
        assertEquals(unprocessableBefore + 3, rejected("unprocessable"));
    }

    @Test
    void aRecomputeOfManyMembersIsAppliedInBatches() {
        Db db = new Db(dataSource);
        int n = 3000;
        List<String> members = new ArrayList<>(n);
        String[] segments = {"CHAMPIONS", "LOYAL", "AT_RISK", "HIBERNATING"};
        double appliedBefore = consumed("applied");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            for (int i = 0; i < n; i++) {
                String memberId = UUID.randomUUID().toString();
                members.add(memberId);
                EventEnvelope event = segmentEvent(memberId, "JPY", NOV_1, segments[i % segments.length], null);
                producer.send(new ProducerRecord<>(Topics.LOYALTY_INSIGHTS, memberId, EventJson.write(event)));
            }
            producer.flush();
        }
        String ids = "{" + String.join(",", members) + "}";
        await().atMost(PATIENCE)
                .until(() -> db.count(
                                "select count(*) from member_directory where member_id = any(?::uuid[]) "
                                        + "and segment_as_of = ? and quadrant = 'UNKNOWN'",
                                ids,
                                java.sql.Date.valueOf(NOV_1))
                        == n);
        assertEquals(
                n / 4,
                db.count(
                        "select count(*) from member_directory where member_id = any(?::uuid[]) and segment = 'LOYAL'",
                        ids));
        assertTrue(consumed("applied") >= appliedBefore + n);
    }

    private static EventEnvelope segmentEvent(
            String memberId, String currency, LocalDate asOf, String segment, String quadrant) {
        return EventJson.envelope(
                EventTypes.SEGMENT_CHANGED,
                SegmentChanged.SCHEMA_VERSION,
                Instant.now(),
                memberId,
                new SegmentChanged(currency, asOf, null, segment, quadrant, 1, 2, 3));
    }

    private static void send(EventEnvelope event) {
        TestKafka.send(Topics.LOYALTY_INSIGHTS, event.memberId(), EventJson.write(event));
    }

    private static UUID id(String memberId) {
        return UUID.fromString(memberId);
    }

    private double consumed(String outcome) {
        return counter("loyalty.survey.events.consumed", "consumer", CONSUMER, "outcome", outcome);
    }

    private double rejected(String reason) {
        return counter("loyalty.survey.events.rejected", "consumer", CONSUMER, "reason", reason);
    }

    private double counter(String name, String... tags) {
        Counter c = registry.find(name).tags(tags).counter();
        return c == null ? 0 : c.count();
    }
}
