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
import com.example.loyalty.metrics.repository.MemberPurchaseRepository;
import com.example.loyalty.metrics.repository.MemberPurchaseRepository.PurchaseFact;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
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
    private final MemberPurchaseRepository purchases;

    public ActivityService(MemberActivityRepository activities, MemberPurchaseRepository purchases) {
        this.activities = activities;
        this.purchases = purchases;
    }

    /**
     * Applies one event in the caller's transaction: PointsEarned and TierChanged change the member's aggregate,
     * other types are IGNORED (a newer producer never stalls this consumer).
     */
    @Transactional
    public EventConsumer.Outcome apply(EventEnvelope event) {
        if (!EventTypes.POINTS_EARNED.equals(event.type()) && !EventTypes.TIER_CHANGED.equals(event.type())) {
            return EventConsumer.Outcome.IGNORED;
        }
        applyAll(List.of(event));
        return EventConsumer.Outcome.APPLIED;
    }

    /**
     * Applies a batch of events, in order, in the caller's transaction (the consumer's, which also records them as
     * processed): the members' aggregates are created if new and row-locked together (in member-id order, so two
     * batches never wait on each other crosswise), then each event is applied to its member's aggregate; the changed
     * aggregates are written at commit. Types that carry nothing for the aggregates are left out by the consumer.
     *
     * @throws UnprocessableEventException if an event cannot be applied because of its content; the transaction is
     *                                     rolled back, and the consumer applies the batch event by event
     */
    @Transactional
    public void applyAll(List<EventEnvelope> events) {
        Instant now = Instant.now();
        List<Runnable> changes = new ArrayList<>(events.size());
        java.util.SortedSet<UUID> memberIds = new TreeSet<>();
        Map<UUID, MemberActivity> byMember = new HashMap<>();
        List<PurchaseFact> facts = new ArrayList<>();
        for (EventEnvelope event : events) {
            UUID memberId = memberId(event);
            memberIds.add(memberId);
            switch (event.type()) {
                case EventTypes.POINTS_EARNED -> {
                    requireVersion(event, PointsEarned.SCHEMA_VERSION);
                    PointsEarned earned = payload(event, PointsEarned.class);
                    Instant purchasedAt = earned.purchasedAt() != null ? earned.purchasedAt() : event.occurredAt();
                    changes.add(() -> {
                        MemberActivity activity = byMember.get(memberId);
                        // the running totals are in the member's first currency; a purchase in another one is
                        // counted in member_purchase only, where every currency is kept apart
                        // (a purchase of history that cost nothing is a purchase day, not spend: member_purchase only)
                        boolean sameCurrency = activity.currency == null || activity.currency.equals(earned.currency());
                        if (sameCurrency && !(earned.history() && earned.amount() == 0)) {
                            activity.recordPurchase(
                                    earned.amount(), earned.currency(), earned.points(), purchasedAt, now);
                        }
                        activity.tierSeenOnPurchase(earned.tier(), event.occurredAt(), now);
                        facts.add(new PurchaseFact(
                                earned.transactionId(),
                                memberId,
                                purchasedAt,
                                earned.amount(),
                                earned.currency(),
                                earned.history()));
                    });
                }
                case EventTypes.TIER_CHANGED -> {
                    requireVersion(event, TierChanged.SCHEMA_VERSION);
                    TierChanged changed = payload(event, TierChanged.class);
                    changes.add(() -> byMember.get(memberId).tierChanged(changed.toTier(), event.occurredAt(), now));
                }
                default -> throw new IllegalArgumentException("the consumer passes no " + event.type() + " events");
            }
        }
        byMember.putAll(activities.lockOrCreateAll(memberIds));
        for (Runnable change : changes) {
            try {
                change.run();
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw new UnprocessableEventException(e.getMessage(), e);
            }
        }
        purchases.insertAll(facts);
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
