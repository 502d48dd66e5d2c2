package com.example.loyalty.community.messaging;

import static com.example.loyalty.community.CommunityFixtures.PATIENCE;
import static com.example.loyalty.community.CommunityFixtures.profile;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.loyalty.community.CommunityFixtures;
import com.example.loyalty.events.EventEnvelope;
import com.example.loyalty.events.EventJson;
import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.MemberEnrolled;
import com.example.loyalty.events.TierChanged;
import com.example.loyalty.events.Topics;
import com.example.loyalty.testing.TestKafka;
import com.example.loyalty.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The community's member directory, built from points-service's events on the real topics. */
@QuarkusTest
class MemberDirectoryConsumerTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anEnrolmentBringsTheMemberInAndTierChangesFollow() {
        CommunityFixtures db = new CommunityFixtures(dataSource);
        String subject = UUID.randomUUID().toString();
        UUID memberId = UUID.randomUUID();
        String token = TestTokens.token(subject, "member");
        // before the enrolment has arrived, the member's profile is pending
        profile(token).statusCode(409);

        send(
                Topics.MEMBER_EVENTS,
                EventJson.envelope(
                        EventTypes.MEMBER_ENROLLED,
                        MemberEnrolled.SCHEMA_VERSION,
                        Instant.now(),
                        memberId.toString(),
                        new MemberEnrolled("8800123", "REGULAR", subject, "Hanako")));
        await().atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> subject.equals(
                        db.single("select subject from community_member where member_id = ?", memberId)));
        profile(token)
                .statusCode(200)
                .body("memberId", equalTo(memberId.toString()))
                .body("displayName", equalTo("Hanako"))
                .body("tier", equalTo("REGULAR"))
                .body("score", equalTo(0));

        send(
                Topics.LOYALTY_TRANSACTIONS,
                EventJson.envelope(
                        EventTypes.TIER_CHANGED,
                        TierChanged.SCHEMA_VERSION,
                        Instant.now(),
                        memberId.toString(),
                        new TierChanged("REGULAR", "GOLD", 50_000)));
        await().atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> Objects.equals(
                        "GOLD", db.single("select tier from community_member where member_id = ?", memberId)));
        profile(token).body("tier", equalTo("GOLD")).body("displayName", equalTo("Hanako"));
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndConsumptionGoesOn() {
        CommunityFixtures db = new CommunityFixtures(dataSource);
        String poisonKey = "poison-" + UUID.randomUUID();
        TestKafka.send(Topics.MEMBER_EVENTS, poisonKey, "this is not an event");
        EventEnvelope noMemberId = EventJson.envelope(
                EventTypes.MEMBER_ENROLLED,
                MemberEnrolled.SCHEMA_VERSION,
                Instant.now(),
                "not-a-uuid",
                new MemberEnrolled("8800", "REGULAR", "someone", "Someone"));
        TestKafka.send(Topics.MEMBER_EVENTS, poisonKey, EventJson.write(noMemberId));
        UUID memberId = UUID.randomUUID();
        String subject = UUID.randomUUID().toString();
        send(
                Topics.MEMBER_EVENTS,
                EventJson.envelope(
                        EventTypes.MEMBER_ENROLLED,
                        MemberEnrolled.SCHEMA_VERSION,
                        Instant.now(),
                        memberId.toString(),
                        new MemberEnrolled("8800", "SILVER", subject, null)));
        await().atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> subject.equals(
                        db.single("select subject from community_member where member_id = ?", memberId)));

        List<ConsumerRecord<String, String>> dead = TestKafka.read(
                Topics.MEMBER_EVENTS + ".community-service.dlq", r -> poisonKey.equals(r.key()), 2, PATIENCE);
        assertEquals(2, dead.size());
        assertEquals("this is not an event", dead.get(0).value());
        assertEquals(EventJson.write(noMemberId), dead.get(1).value());
        assertEquals(0, db.count("select count(*) from community_member where subject = 'someone'"));
    }

    private static void send(String topic, EventEnvelope event) {
        TestKafka.send(topic, event.memberId(), EventJson.write(event));
    }
}
