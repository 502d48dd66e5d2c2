package com.example.loyalty.metrics.messaging;

import static com.example.loyalty.metrics.TestCommunity.contribution;
import static com.example.loyalty.metrics.TestCommunity.contributionId;
import static com.example.loyalty.metrics.TestCommunity.post;
import static com.example.loyalty.metrics.TestCommunity.revoked;
import static com.example.loyalty.metrics.TestCommunity.send;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.events.EventEnvelope;
import com.example.loyalty.events.EventJson;
import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.Topics;
import com.example.loyalty.metrics.TestEvents;
import com.example.loyalty.metrics.repository.CommunityEngagementRepository;
import com.example.loyalty.metrics.repository.CommunityEngagementRepository.Kept;
import com.example.loyalty.metrics.service.CommunityEngagementService;
import com.example.loyalty.metrics.service.CommunityEngagementService.EngagementView;
import com.example.loyalty.testing.TestKafka;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** community-activity through the real broker into community engagement: each contribution once, revocations exact. */
@QuarkusTest
class CommunityActivityConsumerTest {

    @Inject
    CommunityEngagementRepository contributions;

    @Inject
    CommunityEngagementService engagement;

    @Test
    void contributionsAddUpAndARevocationTakesBackExactlyItsOwn() {
        String member = TestEvents.newMemberId();
        Instant now = Instant.now();
        EventEnvelope answer = contribution(member, EventTypes.ANSWER_ACCEPTED, UUID.randomUUID(), 15, now);
        EventEnvelope review = contribution(member, EventTypes.REVIEW_POSTED, UUID.randomUUID(), 5, now);
        EventEnvelope reaction = contribution(member, EventTypes.REACTION_RECEIVED, UUID.randomUUID(), 1, now);
        for (EventEnvelope e : List.of(answer, review, reaction)) {
            send(e);
        }
        await().atMost(TestEvents.PATIENCE)
                .untilAsserted(() -> assertEquals(21, engagementOf(member).score()));
        EngagementView view = engagementOf(member);
        assertEquals(3, view.contributions());
        assertTrue(view.attached(), "21 is above the attached score of 20");
        assertNotNull(view.lastContributionAt());

        send(revoked(member, contributionId(review), 5));
        await().atMost(TestEvents.PATIENCE)
                .untilAsserted(() -> assertEquals(16, engagementOf(member).score()));
        assertEquals(2, engagementOf(member).contributions());
        Kept kept = find(contributionId(review)).orElseThrow();
        assertNotNull(kept.revokedAt());
        assertEquals(EventTypes.REVIEW_POSTED, kept.type());
        assertEquals(5, kept.weight());
        assertNull(find(contributionId(answer)).orElseThrow().revokedAt());
    }

    @Test
    void aRedeliveredOrReplayedContributionCountsOnce() {
        String member = TestEvents.newMemberId();
        UUID id = UUID.randomUUID();
        Instant at = Instant.now();
        EventEnvelope first = contribution(member, EventTypes.POST_CREATED, id, 4, at);
        send(first);
        send(first);
        send(contribution(member, EventTypes.POST_CREATED, id, 4, at)); // replayed with a new event id
        send(post(member, 1, at)); // a marker after them on the member's partition
        await().atMost(TestEvents.PATIENCE)
                .untilAsserted(() -> assertEquals(2, engagementOf(member).contributions()));
        assertEquals(5, engagementOf(member).score());
    }

    @Test
    void aRevocationBeforeItsContributionLeavesATombstoneAndTheContributionNeverCounts() {
        String member = TestEvents.newMemberId();
        UUID id = UUID.randomUUID();
        send(revoked(member, id, 30));
        send(contribution(member, EventTypes.ANSWER_ACCEPTED, id, 30, Instant.now()));
        send(post(member, 2, Instant.now()));
        await().atMost(TestEvents.PATIENCE)
                .untilAsserted(() -> assertEquals(1, engagementOf(member).contributions()));
        assertEquals(2, engagementOf(member).score());
        Kept tombstone = find(id).orElseThrow();
        assertNotNull(tombstone.revokedAt());
        assertNull(tombstone.occurredAt(), "the tombstone keeps its place; the late contribution changed nothing");
    }

    @Test
    void contributionsOlderThanTheWindowDoNotCountButAreTheLastContribution() {
        String member = TestEvents.newMemberId();
        Instant old = Instant.now().minus(Duration.ofDays(120));
        send(post(member, 50, old));
        send(post(member, 50, old.plus(Duration.ofDays(1))));
        await().atMost(TestEvents.PATIENCE)
                .untilAsserted(() -> assertNotNull(engagementOf(member).lastContributionAt()));
        await().atMost(TestEvents.PATIENCE)
                .untilAsserted(() -> assertEquals(
                        old.plus(Duration.ofDays(1)).getEpochSecond(),
                        engagementOf(member).lastContributionAt().getEpochSecond()));
        EngagementView view = engagementOf(member);
        assertEquals(90, view.windowDays());
        assertEquals(0, view.contributions());
        assertEquals(0, view.score());
        assertEquals(false, view.attached());
    }

    @Test
    void poisonGoesToTheDeadLetterTopicAndTheOthersGoOn() {
        String member = TestEvents.newMemberId();
        String notJson = "poison-" + UUID.randomUUID();
        TestKafka.send(Topics.COMMUNITY_ACTIVITY, notJson, "{not json");
        EventEnvelope noContribution = contribution(member, EventTypes.POST_CREATED, null, 3, Instant.now());
        send(noContribution);
        EventEnvelope badMember = post("member-1", 3, Instant.now());
        TestKafka.send(Topics.COMMUNITY_ACTIVITY, "bad-member", EventJson.write(badMember));
        send(post(member, 3, Instant.now()));
        await().atMost(TestEvents.PATIENCE)
                .untilAsserted(() -> assertEquals(3, engagementOf(member).score()));
        assertEquals(
                1,
                TestKafka.read(CommunityActivityConsumer.DLQ, r -> notJson.equals(r.key()), 1, TestEvents.PATIENCE)
                        .size());
        for (EventEnvelope e : List.of(noContribution, badMember)) {
            assertEquals(
                    1,
                    TestKafka.read(
                                    CommunityActivityConsumer.DLQ,
                                    r -> r.value().contains(e.eventId().toString()),
                                    1,
                                    TestEvents.PATIENCE)
                            .size(),
                    e.eventId().toString());
        }
    }

    private EngagementView engagementOf(String member) {
        return QuarkusTransaction.requiringNew().call(() -> engagement.engagementOf(UUID.fromString(member)));
    }

    private Optional<Kept> find(UUID contributionId) {
        return QuarkusTransaction.requiringNew().call(() -> contributions.find(contributionId));
    }
}
