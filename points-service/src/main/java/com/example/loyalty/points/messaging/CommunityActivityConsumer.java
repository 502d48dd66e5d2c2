package com.example.loyalty.points.messaging;

import com.example.loyalty.events.CommunityActivity;
import com.example.loyalty.events.ContributionRevoked;
import com.example.loyalty.events.EventEnvelope;
import com.example.loyalty.events.EventJson;
import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.Topics;
import com.example.loyalty.messaging.consumer.EventConsumer;
import com.example.loyalty.messaging.consumer.UnprocessableEventException;
import com.example.loyalty.points.service.CommunityAwardService;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Turns community contributions into points and revocations into reversals ({@link CommunityAwardService}), through
 * the shared consumer idiom ({@link EventConsumer#consumeBatch}, a poll's events in one transaction, in the order they
 * have on their partition, which is per member): a record that is not a well-formed contribution or revocation event
 * (no member id, no contribution id, an unknown schema version) goes to {@code community-activity.points.dlq} at once;
 * the database being away is waited out, never dead-lettered; each event is applied once (inbox), and the contribution
 * id, the key of the award, makes a replayed event with a new id earn nothing.
 */
@ApplicationScoped
public class CommunityActivityConsumer {

    static final String DLQ = Topics.COMMUNITY_ACTIVITY + ".points.dlq";

    private static final Logger LOG = Logger.getLogger(CommunityActivityConsumer.class);
    private static final Set<String> TYPES = types();

    private final EventConsumer consumer;
    private final CommunityAwardService awards;

    public CommunityActivityConsumer(EventConsumer consumer, CommunityAwardService awards) {
        this.consumer = consumer;
        this.awards = awards;
    }

    @Incoming(Topics.COMMUNITY_ACTIVITY)
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        List<ConsumerRecord<String, String>> batch = new ArrayList<>(records.count());
        records.forEach(batch::add);
        consumer.consumeBatch(Topics.COMMUNITY_ACTIVITY, DLQ, batch, TYPES, this::applyAll);
    }

    /** A poll's contributions and revocations, in one transaction (each locks its member). */
    private void applyAll(List<EventEnvelope> events) {
        events.forEach(this::apply);
    }

    private void apply(EventEnvelope envelope) {
        UUID memberId = memberId(envelope);
        CommunityAwardService.Outcome outcome;
        UUID contributionId;
        if (EventTypes.CONTRIBUTION_REVOKED.equals(envelope.type())) {
            ContributionRevoked revoked =
                    payload(envelope, ContributionRevoked.class, ContributionRevoked.SCHEMA_VERSION);
            if (revoked.contributionId() == null) {
                throw new UnprocessableEventException("ContributionRevoked without contributionId");
            }
            contributionId = revoked.contributionId();
            Instant at = revoked.revokedAt() != null ? revoked.revokedAt() : envelope.occurredAt();
            outcome = awards.revoke(envelope.eventId(), memberId, revoked, at);
        } else {
            CommunityActivity activity = payload(envelope, CommunityActivity.class, CommunityActivity.SCHEMA_VERSION);
            if (activity.contributionId() == null) {
                throw new UnprocessableEventException(envelope.type() + " without contributionId");
            }
            contributionId = activity.contributionId();
            Instant at = activity.occurredAt() != null ? activity.occurredAt() : envelope.occurredAt();
            outcome = awards.award(envelope.eventId(), memberId, envelope.type(), activity, at);
        }
        LOG.debugf("%s %s of member %s: %s", envelope.type(), contributionId, memberId, outcome);
    }

    private static UUID memberId(EventEnvelope envelope) {
        if (envelope.memberId() == null) {
            throw new UnprocessableEventException(envelope.type() + " without memberId");
        }
        try {
            return UUID.fromString(envelope.memberId());
        } catch (IllegalArgumentException e) {
            throw new UnprocessableEventException(
                    envelope.type() + " with a member id that is not a UUID: " + envelope.memberId(), e);
        }
    }

    private static <T> T payload(EventEnvelope envelope, Class<T> type, int version) {
        if (envelope.schemaVersion() != version) {
            throw new UnprocessableEventException(
                    "unsupported " + envelope.type() + " schema version " + envelope.schemaVersion());
        }
        try {
            return EventJson.payload(envelope, type);
        } catch (EventJson.MalformedEventException e) {
            throw new UnprocessableEventException("unreadable " + envelope.type() + " payload: " + e.getMessage(), e);
        }
    }

    private static Set<String> types() {
        Set<String> types = new HashSet<>(EventTypes.COMMUNITY_CONTRIBUTIONS);
        types.add(EventTypes.CONTRIBUTION_REVOKED);
        return Set.copyOf(types);
    }
}
