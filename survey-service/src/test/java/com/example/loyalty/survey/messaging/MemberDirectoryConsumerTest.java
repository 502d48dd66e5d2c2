package com.example.loyalty.survey.messaging;

import static com.example.loyalty.survey.SurveyApi.PATIENCE;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.events.EventEnvelope;
import com.example.loyalty.events.EventJson;
import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.PointsEarned;
import com.example.loyalty.events.PointsRedeemed;
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
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The member directory is built from points-service's events on the real topics. */
@QuarkusTest
class MemberDirectoryConsumerTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry registry;

    @Test
    void enrolmentTiesTheSubjectToTheMemberAndTierEventsFollow() {
        var member = SurveyApi.newMember();
        Db db = new Db(dataSource);
        SurveyApi.enrolled(member, "REGULAR");
        db.awaitDirectory(member.memberId(), member.subject(), "REGULAR");
        SurveyApi.tierChanged(member, "REGULAR", "SILVER", Instant.now());
        db.awaitDirectory(member.memberId(), member.subject(), "SILVER");
        // a purchase is skipped without a database write (the tier it reports is the one TierChanged told); the tier
        // change behind it is applied
        double ignoredBefore = consumed(Topics.LOYALTY_TRANSACTIONS, "ignored");
        EventEnvelope purchase = purchase(member.memberId(), "GOLD", Instant.now());
        send(Topics.LOYALTY_TRANSACTIONS, purchase);
        SurveyApi.tierChanged(member, "SILVER", "PLATINUM", Instant.now());
        db.awaitDirectory(member.memberId(), member.subject(), "PLATINUM");
        assertTrue(consumed(Topics.LOYALTY_TRANSACTIONS, "ignored") >= ignoredBefore + 1);
        assertEquals(0, processed(Topics.LOYALTY_TRANSACTIONS, purchase, db), "no inbox row for a skipped event");
    }

    @Test
    void eventsOnTwoTopicsMayArriveInAnyOrderTheNewestTierWins() {
        var member = SurveyApi.newMember();
        Db db = new Db(dataSource);
        Instant enrolledAt = Instant.now().minusSeconds(60);
        // the upgrade (loyalty-transactions) is seen before the enrolment (member-events) that preceded it
        SurveyApi.tierChanged(member, "REGULAR", "GOLD", Instant.now());
        await().atMost(PATIENCE)
                .until(() -> "GOLD"
                        .equals(db.single(
                                "select tier from member_directory where member_id = ?",
                                UUID.fromString(member.memberId()))));
        assertNull(db.single(
                "select subject from member_directory where member_id = ?", UUID.fromString(member.memberId())));
        EventEnvelope enrolment = EventJson.envelope(
                EventTypes.MEMBER_ENROLLED,
                1,
                enrolledAt,
                member.memberId(),
                new com.example.loyalty.events.MemberEnrolled("8800", "REGULAR", member.subject()));
        send(Topics.MEMBER_EVENTS, enrolment);
        db.awaitDirectory(member.memberId(), member.subject(), "GOLD");
    }

    @Test
    void aRedeliveredEventIsAppliedOnceAndOtherTypesAreIgnored() {
        var member = SurveyApi.newMember();
        Db db = new Db(dataSource);
        EventEnvelope enrolment = SurveyApi.enrolled(member, "REGULAR");
        db.awaitDirectory(member.memberId(), member.subject(), "REGULAR");
        double duplicatesBefore = consumed(Topics.MEMBER_EVENTS, "duplicate");
        send(Topics.MEMBER_EVENTS, enrolment);
        EventEnvelope redeemed = EventJson.envelope(
                EventTypes.POINTS_REDEEMED,
                PointsRedeemed.SCHEMA_VERSION,
                Instant.now(),
                member.memberId(),
                new PointsRedeemed("k", 10, "coffee", 0));
        double ignoredBefore = consumed(Topics.LOYALTY_TRANSACTIONS, "ignored");
        send(Topics.LOYALTY_TRANSACTIONS, redeemed);
        await().atMost(PATIENCE).until(() -> consumed(Topics.MEMBER_EVENTS, "duplicate") >= duplicatesBefore + 1);
        await().atMost(PATIENCE).until(() -> consumed(Topics.LOYALTY_TRANSACTIONS, "ignored") >= ignoredBefore + 1);
        db.awaitDirectory(member.memberId(), member.subject(), "REGULAR");
        assertEquals(1, processed(Topics.MEMBER_EVENTS, enrolment, db));
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndConsumptionGoesOn() {
        var member = SurveyApi.newMember();
        Db db = new Db(dataSource);
        double malformedBefore = rejected(Topics.MEMBER_EVENTS, "malformed");
        double unprocessableBefore = rejected(Topics.MEMBER_EVENTS, "unprocessable");
        String poisonKey = "poison-" + UUID.randomUUID();
        TestKafka.send(Topics.MEMBER_EVENTS, poisonKey, "this is not an event");
        EventEnvelope badMemberId = EventJson.envelope(
                EventTypes.MEMBER_ENROLLED,
                1,
                Instant.now(),
                "not-a-uuid",
                new com.example.loyalty.events.MemberEnrolled("8800", "REGULAR", "someone"));
        TestKafka.send(Topics.MEMBER_EVENTS, poisonKey, EventJson.write(badMemberId));
        SurveyApi.enrolled(member, "SILVER");
        db.awaitDirectory(member.memberId(), member.subject(), "SILVER");

        List<ConsumerRecord<String, String>> dead = TestKafka.read(
                Topics.MEMBER_EVENTS + ".survey-service.dlq", r -> poisonKey.equals(r.key()), 2, PATIENCE);
        assertEquals(2, dead.size());
        assertEquals("this is not an event", dead.get(0).value());
        assertEquals(0, processed(Topics.MEMBER_EVENTS, badMemberId, db));
        assertEquals(malformedBefore + 1, rejected(Topics.MEMBER_EVENTS, "malformed"));
        assertEquals(unprocessableBefore + 1, rejected(Topics.MEMBER_EVENTS, "unprocessable"));
    }

    private static EventEnvelope purchase(String memberId, String tier, Instant at) {
        return EventJson.envelope(
                EventTypes.POINTS_EARNED,
                PointsEarned.SCHEMA_VERSION,
                at,
                memberId,
                new PointsEarned("T-" + UUID.randomUUID(), 1000, "JPY", "S001", "STORE", at, 10, "1.500", tier, 10));
    }

    private static void send(String topic, EventEnvelope event) {
        TestKafka.send(topic, event.memberId(), EventJson.write(event));
    }

    /** Events the channel's consumer handled, by outcome (the shared consumer's meter). */
    private double consumed(String consumer, String outcome) {
        return counter("loyalty.survey.events.consumed", "consumer", consumer, "outcome", outcome);
    }

    /** Records the channel's consumer gave up to its dead-letter topic, by reason. */
    private double rejected(String consumer, String reason) {
        return counter("loyalty.survey.events.rejected", "consumer", consumer, "reason", reason);
    }

    private static long processed(String consumer, EventEnvelope event, Db db) {
        return db.count(
                "select count(*) from processed_event where consumer = ? and event_id = ?", consumer, event.eventId());
    }

    private double counter(String name, String... tags) {
        Counter c = registry.find(name).tags(tags).counter();
        return c == null ? 0 : c.count();
    }
}
