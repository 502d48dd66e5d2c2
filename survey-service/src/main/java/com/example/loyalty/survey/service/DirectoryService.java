package com.example.loyalty.survey.service;

import com.example.loyalty.events.EventEnvelope;
import com.example.loyalty.events.EventJson;
import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.MemberEnrolled;
import com.example.loyalty.events.TierChanged;
import com.example.loyalty.messaging.consumer.EventConsumer;
import com.example.loyalty.messaging.consumer.UnprocessableEventException;
import com.example.loyalty.survey.repository.MemberDirectoryRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Locale;
import java.util.UUID;

/**
 * Keeps the member directory (subject → member id, tier) from points-service's events. A handler of
 * {@link EventConsumer}, which runs it in the transaction that records the event id, so each event changes the
 * directory once. MemberEnrolled ties subject and member id; TierChanged carries the tier; other
 * types are ignored, so a newer producer never stalls this consumer.
 */
@ApplicationScoped
public class DirectoryService {

    private final MemberDirectoryRepository directory;

    public DirectoryService(MemberDirectoryRepository directory) {
        this.directory = directory;
    }

    /**
     * Applies one event in the consumer's transaction; APPLIED or IGNORED (another type).
     *
     * @throws UnprocessableEventException if the event's content cannot be applied; the transaction rolls back
     */
    /** Applies a batch of events in order, in the caller's transaction (a batch consumer's). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyAll(java.util.List<EventEnvelope> events) {
        events.forEach(this::apply);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public EventConsumer.Outcome apply(EventEnvelope event) {
        switch (event.type()) {
            case EventTypes.MEMBER_ENROLLED -> {
                requireVersion(event, MemberEnrolled.SCHEMA_VERSION);
                MemberEnrolled enrolled = payload(event, MemberEnrolled.class);
                String subject =
                        enrolled.subject() == null || enrolled.subject().isBlank() ? null : enrolled.subject();
                directory.enrolled(memberId(event), subject, tier(enrolled.tier()), event.occurredAt());
                return EventConsumer.Outcome.APPLIED;
            }
            case EventTypes.TIER_CHANGED -> {
                requireVersion(event, TierChanged.SCHEMA_VERSION);
                TierChanged changed = payload(event, TierChanged.class);
                directory.tierSeen(memberId(event), tier(changed.toTier()), event.occurredAt());
                return EventConsumer.Outcome.APPLIED;
            }
            default -> {
                return EventConsumer.Outcome.IGNORED;
            }
        }
    }

    private static String tier(String code) {
        return code == null || code.isBlank() ? null : code.trim().toUpperCase(Locale.ROOT);
    }

    private static void requireVersion(EventEnvelope event, int known) {
        if (event.schemaVersion() != known) {
            throw unprocessable(
                    event,
                    "schema version " + event.schemaVersion() + " of " + event.type() + " is not supported (supported: "
                            + known + ")",
                    null);
        }
    }

    private static <T> T payload(EventEnvelope event, Class<T> type) {
        if (event.payload() == null || !event.payload().isObject()) {
            throw unprocessable(event, "payload missing", null);
        }
        try {
            return EventJson.payload(event, type);
        } catch (EventJson.MalformedEventException e) {
            throw unprocessable(event, e.getMessage(), e);
        }
    }

    private static UUID memberId(EventEnvelope event) {
        if (event.memberId() == null) {
            throw unprocessable(event, "no member id", null);
        }
        try {
            return UUID.fromString(event.memberId());
        } catch (IllegalArgumentException e) {
            throw unprocessable(event, "member id '" + event.memberId() + "' is not a UUID", e);
        }
    }

    private static UnprocessableEventException unprocessable(EventEnvelope event, String why, Throwable cause) {
        return new UnprocessableEventException(event.type() + " event " + event.eventId() + ": " + why, cause);
    }
}
