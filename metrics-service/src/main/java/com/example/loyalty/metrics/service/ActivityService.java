package com.example.loyalty.metrics.service;

import com.example.loyalty.common.web.Problems;
import com.example.loyalty.events.EventEnvelope;
import com.example.loyalty.events.EventJson;
import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.PointsEarned;
import com.example.loyalty.events.TierChanged;
import com.example.loyalty.messaging.consumer.EventConsumer;
import com.example.loyalty.messaging.consumer.UnprocessableEventException;
import com.example.loyalty.metrics.domain.MemberActivity;
import com.example.loyalty.metrics.domain.MemberIds;
import com.example.loyalty.metrics.repository.MemberActivityRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/**
 * Applies loyalty-transactions events to the per-member aggregates. It is the handler of the consumer idiom
 * ({@link EventConsumer}), which records the event id in the inbox in the same transaction, so each event is applied
 * at most once however often it is delivered; this service only knows what an event means. Its
 * {@link UnprocessableEventException}s need not name the event: the idiom adds its type and id when it logs and
 * dead-letters one.
 */
@ApplicationScoped
public class ActivityService {

    private final MemberActivityRepository activities;

    public ActivityService(MemberActivityRepository activities) {
        this.activities = activities;
    }

    /**
     * Applies one event, in the caller's transaction (the consumer's, which also records the event as processed).
     * Types this version does not know, and known types that carry nothing for the aggregates (PointsRedeemed,
     * MemberEnrolled), are IGNORED, so a newer producer never stalls this consumer.
     *
     * @throws UnprocessableEventException if the event cannot be applied because of its content; the transaction
     *                                     is rolled back, so it is not recorded as processed either
     */
    @Transactional
    public EventConsumer.Outcome apply(EventEnvelope event) {
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
                    throw new UnprocessableEventException(e.getMessage(), e);
                }
                return EventConsumer.Outcome.APPLIED;
            }
            case EventTypes.TIER_CHANGED -> {
                requireVersion(event, TierChanged.SCHEMA_VERSION);
                TierChanged changed = payload(event, TierChanged.class);
                MemberActivity activity = activities.lockOrCreate(memberId(event));
                try {
                    activity.tierChanged(changed.toTier(), event.occurredAt(), now);
                } catch (IllegalArgumentException e) {
                    throw new UnprocessableEventException(e.getMessage(), e);
                }
                return EventConsumer.Outcome.APPLIED;
            }
            default -> {
                return EventConsumer.Outcome.IGNORED;
            }
        }
    }

    /** The member's aggregate; 404 problem if no event about the member has been applied. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public MemberActivityView activityOf(UUID memberId) {
        return activities
                .findByIdOptional(memberId)
                .map(MemberActivityView::of)
                .orElseThrow(() -> Problems.notFound(
                        "unknown-member", "Not found", "no activity has been recorded for member " + memberId));
    }

    private static void requireVersion(EventEnvelope event, int known) {
        // A newer version may have changed meaning; dead-lettered events can be replayed after an upgrade,
        // silently misread ones cannot be repaired.
        if (event.schemaVersion() != known) {
            throw new UnprocessableEventException("schema version " + event.schemaVersion() + " of " + event.type()
                    + " is not supported (supported: " + known + ")");
        }
    }

    private static <T> T payload(EventEnvelope event, Class<T> type) {
        if (event.payload() == null || !event.payload().isObject()) {
            throw new UnprocessableEventException("payload missing");
        }
        try {
            return EventJson.payload(event, type);
        } catch (EventJson.MalformedEventException e) {
            throw new UnprocessableEventException(e.getMessage(), e);
        }
    }

    private static UUID memberId(EventEnvelope event) {
        try {
            return MemberIds.parse(event.memberId());
        } catch (IllegalArgumentException e) {
            throw new UnprocessableEventException(e.getMessage(), e);
        }
    }
}
