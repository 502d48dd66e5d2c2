package com.example.loyalty.metrics;

import com.example.loyalty.events.CommunityActivity;
import com.example.loyalty.events.ContributionRevoked;
import com.example.loyalty.events.EventEnvelope;
import com.example.loyalty.events.EventJson;
import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.Topics;
import com.example.loyalty.testing.TestKafka;
import java.time.Instant;
import java.util.UUID;

/** community-activity events shaped as community-service publishes them. */
public final class TestCommunity {

    private TestCommunity() {}

    /** A contribution of {@code type} with {@code weight}, made at {@code at}. */
    public static EventEnvelope contribution(
            String memberId, String type, UUID contributionId, int weight, Instant at) {
        CommunityActivity payload = new CommunityActivity(
                contributionId,
                UUID.randomUUID(),
                EventTypes.EVENT_ATTENDED.equals(type) ? null : UUID.randomUUID(),
                EventTypes.REVIEW_POSTED.equals(type) ? "P-001" : null,
                EventTypes.REVIEW_POSTED.equals(type) ? 4 : null,
                null,
                weight,
                at);
        return EventJson.envelope(type, CommunityActivity.SCHEMA_VERSION, at, memberId, payload);
    }

    /** A post of {@code weight}, made at {@code at}. */
    public static EventEnvelope post(String memberId, int weight, Instant at) {
        return contribution(memberId, EventTypes.POST_CREATED, UUID.randomUUID(), weight, at);
    }

    /** The revocation of a contribution (hidden by a moderator), now. */
    public static EventEnvelope revoked(String memberId, UUID contributionId, int weight) {
        Instant now = Instant.now();
        return EventJson.envelope(
                EventTypes.CONTRIBUTION_REVOKED,
                ContributionRevoked.SCHEMA_VERSION,
                now,
                memberId,
                new ContributionRevoked(
                        contributionId, EventTypes.POST_CREATED, UUID.randomUUID(), "HIDDEN: spam", weight, now));
    }

    /** The contribution id of a contribution or revocation envelope. */
    public static UUID contributionId(EventEnvelope event) {
        return UUID.fromString(event.payload().get("contributionId").asText());
    }

    /** Sends it keyed by member id, as community-service's outbox relay does. */
    public static void send(EventEnvelope event) {
        TestKafka.send(Topics.COMMUNITY_ACTIVITY, event.memberId(), EventJson.write(event));
    }
}
