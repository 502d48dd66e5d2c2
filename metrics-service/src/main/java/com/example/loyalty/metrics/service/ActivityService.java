package com.example.loyalty.metrics.service;

import com.example.loyalty.events.EventEnvelope;
import com.example.loyalty.events.EventJson;
import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.PointsEarned;
import com.example.loyalty.events.TierChanged;
import com.example.loyalty.metrics.domain.MemberActivity;
import com.example.loyalty.metrics.domain.MemberIds;
import com.example.loyalty.metrics.repository.MemberActivityRepository;
import com.example.loyalty.metrics.repository.ProcessedEventRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/**
 * Applies loyalty-transactions events to the per-member aggregates, each event at most once: the event id is
 * recorded in {@code processed_event} in the same transaction as the aggregate change.
 */
@ApplicationScoped
public class ActivityService {

    /** What {@link #apply} did with an event. */
    public enum Outcome {
        /** First delivery; the aggregate changed. */
        APPLIED,
        /** First delivery of a type that does not change an aggregate (yet); recorded as processed. */
        IGNORED,
        /** The event id was processed before; nothing changed. */
        DUPLICATE
    }

    private final ProcessedEventRepository processed;
    private final MemberActivityRepository activities;

    public ActivityService(ProcessedEventRepository processed, MemberActivityRepository activities) {
        this.processed = processed;
        this.activities = activities;
    }

    /**
     * Applies one event. Types this version does not know, and known types that carry nothing for the
     * aggregates (PointsRedeemed, MemberEnrolled), are recorded as processed and otherwise ignored, so a newer
     * producer never stalls this consumer.
     *
     * @throws UnprocessableEventException if the event cannot be applied because of its content; nothing is
     *                                     recorded then
     */
    @Transactional
    public Outcome apply(EventEnvelope event) {
        if (!processed.markProcessed(event.eventId(), event.type())) {
            return Outcome.DUPLICATE;
        }
        Instant now = Instant.now();
        switch (event.type()) {
            case EventTypes.POINTS_EARNED -> {
                requireVersion(event, PointsEarned.SCHEMA_VERSION);
                PointsEarned earned = payload(event, PointsEarned.class);
                MemberActivity activity = activities.lockOrCreate(memberId(event));
                Instant purchasedAt = earned.purchasedAt() != null ? earned.purchasedAt() : event.occurredAt();
                try {
                    activity.recordPurchase(earned.amount(), earned.currency(), earned.points(), purchasedAt, now);
                    activity.tierSeenOnPurchase(earned.tier(), event.occurredAt(), now);
                } catch (IllegalArgumentException | ArithmeticException e) {
                    throw unprocessable(event, e.getMessage(), e);
                }
                return Outcome.APPLIED;
            }
            case EventTypes.TIER_CHANGED -> {
                requireVersion(event, TierChanged.SCHEMA_VERSION);
                TierChanged changed = payload(event, TierChanged.class);
                MemberActivity activity = activities.lockOrCreate(memberId(event));
                try {
                    activity.tierChanged(changed.toTier(), event.occurredAt(), now);
                } catch (IllegalArgumentException e) {
                    throw unprocessable(event, e.getMessage(), e);
                }
                return Outcome.APPLIED;
            }
            default -> {
                return Outcome.IGNORED;
            }
        }
    }

    /** The member's aggregate; 404 problem if no event about the member has been applied. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public MemberActivity activityOf(UUID memberId) {
        return activities.findByIdOptional(memberId).orElseThrow(() -> Problems.notFound("unknown-member",
                "no activity has been recorded for member " + memberId));
    }

    private static void requireVersion(EventEnvelope event, int known) {
        // A newer version may have changed meaning; dead-lettered events can be replayed after an upgrade,
        // silently misread ones cannot be repaired.
        if (event.schemaVersion() != known) {
            throw unprocessable(event, "schema version " + event.schemaVersion() + " of " + event.type()
                    + " is not supported (supported: " + known + ")", null);
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
        try {
            return MemberIds.parse(event.memberId());
        } catch (IllegalArgumentException e) {
            throw unprocessable(event, e.getMessage(), e);
        }
    }

    private static UnprocessableEventException unprocessable(EventEnvelope event, String why, Throwable cause) {
        return new UnprocessableEventException(event.type() + " event " + event.eventId() + ": " + why, cause);
    }
}
