package com.example.loyalty.metrics.service;

import com.example.loyalty.common.web.Problems;
import com.example.loyalty.events.EventEnvelope;
import com.example.loyalty.events.EventJson;
import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.PointsEarned;
import com.example.loyalty.events.PurchaseReturned;
import com.example.loyalty.events.TierChanged;
import com.example.loyalty.messaging.consumer.EventConsumer;
import com.example.loyalty.messaging.consumer.UnprocessableEventException;
import com.example.loyalty.metrics.domain.MemberActivity;
import com.example.loyalty.metrics.domain.MemberIds;
import com.example.loyalty.metrics.domain.ReturnNetting;
import com.example.loyalty.metrics.repository.MemberActivityRepository;
import com.example.loyalty.metrics.repository.MemberMergeRepository;
import com.example.loyalty.metrics.repository.MemberPurchaseRepository;
import com.example.loyalty.metrics.repository.MemberPurchaseRepository.Kept;
import com.example.loyalty.metrics.repository.MemberPurchaseRepository.Key;
import com.example.loyalty.metrics.repository.MemberPurchaseRepository.PurchaseFact;
import com.example.loyalty.metrics.repository.PurchaseReturnRepository;
import com.example.loyalty.metrics.repository.PurchaseReturnRepository.Return;
import com.example.loyalty.metrics.repository.PurchaseReturnRepository.ReturnKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Applies loyalty-transactions events to the per-member aggregates and purchases. It is the handler of the consumer
 * idiom ({@link EventConsumer}), which records the event id in the inbox in the same transaction, so each event is
 * applied at most once however often it is delivered; this service only knows what an event means. Its
 * {@link UnprocessableEventException}s need not name the event: the idiom adds its type and id when it logs and
 * dead-letters one.
 *
 * <p>A purchase is named by its store and transaction id and counted once ({@code member_purchase}); a return
 * ({@code PurchaseReturned}) is kept once by its store and return id and nets its amount out of the purchase's spend,
 * in {@code member_purchase} and in the member's aggregate; a purchase returned in full no longer counts at all. A
 * return read before its purchase waits in {@code purchase_return} and is applied when the purchase arrives.
 */
@ApplicationScoped
public class ActivityService {

    private static final Logger LOG = Logger.getLogger(ActivityService.class);

    /** The event types this service applies. */
    public static final Set<String> TYPES =
            Set.of(EventTypes.POINTS_EARNED, EventTypes.TIER_CHANGED, EventTypes.PURCHASE_RETURNED);

    private final MemberActivityRepository activities;
    private final MemberPurchaseRepository purchases;
    private final PurchaseReturnRepository returns;

    private final MemberMergeRepository merges;

    public ActivityService(
            MemberActivityRepository activities,
            MemberPurchaseRepository purchases,
            PurchaseReturnRepository returns,
            MemberMergeRepository merges) {
        this.activities = activities;
        this.purchases = purchases;
        this.returns = returns;
        this.merges = merges;
    }

    /**
     * Applies one event in the caller's transaction: PointsEarned, TierChanged and PurchaseReturned change the
     * member's figures, other types are IGNORED (a newer producer never stalls this consumer).
     */
    @Transactional
    public EventConsumer.Outcome apply(EventEnvelope event) {
        if (!TYPES.contains(event.type())) {
            return EventConsumer.Outcome.IGNORED;
        }
        applyAll(List.of(event));
        return EventConsumer.Outcome.APPLIED;
    }

    /** One event of a batch, read. */
    private sealed interface Change permits Earned, Tier, Returned {}

    private record Earned(UUID memberId, PurchaseFact fact, long points, String tier, Instant occurredAt)
            implements Change {}

    private record Tier(UUID memberId, String toTier, Instant occurredAt) implements Change {}

    private record Returned(Return ret) implements Change {}

    /**
     * Applies a batch of events, in order, in the caller's transaction (the consumer's, which also records them as
     * processed):
     * <ol>
     * <li>every event is read (one that cannot be is unprocessable), and an event about a member merged into another
     * is taken as one about the survivor;
     * <li>the members' aggregates are created if new and row-locked together, in member-id order, so two batches
     * never wait on each other crosswise;
     * <li>the purchases are inserted, each once by store and transaction id; only a purchase new to
     * {@code member_purchase} counts in its member's aggregate (in the member's first currency; a purchase of
     * history that cost nothing is a purchase day, not spend: it is in member_purchase only);
     * <li>tier changes and the tiers purchases report are applied in event order;
     * <li>the returns are kept, each once by store and return id; the new ones, and every return kept of a purchase
     * that arrived just now, are netted out of their purchases (row-locked), oldest first.
     * </ol>
     * The changed aggregates are written at commit. Types that carry nothing for the aggregates are left out by the
     * consumer.
     *
     * @throws UnprocessableEventException if an event cannot be applied because of its content; the transaction is
     *                                     rolled back, and the consumer applies the batch event by event
     */
    @Transactional
    public void applyAll(List<EventEnvelope> events) {
        Instant now = Instant.now();
        List<Change> read = new ArrayList<>(events.size());
        Set<UUID> named = new HashSet<>();
        for (EventEnvelope event : events) {
            Change change = read(event);
            read.add(change);
            named.add(memberOf(change));
        }
        merges.lockShared();
        Map<UUID, UUID> survivors = merges.survivorsOf(named);
        List<Change> changes = survivors.isEmpty()
                ? read
                : read.stream().map(c -> survivorOf(c, survivors)).toList();
        SortedSet<UUID> memberIds = new TreeSet<>();
        List<PurchaseFact> facts = new ArrayList<>();
        List<Return> kept = new ArrayList<>();
        for (Change change : changes) {
            if (change instanceof Earned e) {
                memberIds.add(e.memberId());
                facts.add(e.fact());
            } else if (change instanceof Tier t) {
                memberIds.add(t.memberId());
            } else if (change instanceof Returned r) {
                memberIds.add(r.ret().memberId());
                kept.add(r.ret());
            }
        }
        Map<UUID, MemberActivity> byMember = new HashMap<>(activities.lockOrCreateAll(memberIds));
        Set<Key> arrived = purchases.insertAll(facts);
        Set<Key> toCount = new HashSet<>(arrived);
        List<Key> counted = new ArrayList<>();
        for (Change change : changes) {
            try {
                if (change instanceof Earned e) {
                    MemberActivity activity = byMember.get(e.memberId());
                    PurchaseFact f = e.fact();
                    // the running totals are in the member's first currency; a purchase in another one is counted in
                    // member_purchase only, where every currency is kept apart
                    boolean sameCurrency = activity.currency == null || activity.currency.equals(f.currency());
                    if (toCount.remove(f.key()) && sameCurrency && f.amount() > 0) {
                        activity.recordPurchase(f.amount(), f.currency(), e.points(), f.occurredAt(), now);
                        counted.add(f.key());
                    }
                    activity.tierSeenOnPurchase(e.tier(), e.occurredAt(), now);
                } else if (change instanceof Tier t) {
                    byMember.get(t.memberId()).tierChanged(t.toTier(), t.occurredAt(), now);
                }
                // returns are applied below, once every purchase of the batch is in
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw new UnprocessableEventException(e.getMessage(), e);
            }
        }
        purchases.markInActivity(counted);
        applyReturns(returns.keepAll(kept), arrived, byMember, now);
    }

    /**
     * Nets returns out of their purchases: the {@code fresh} ones (kept just now) and every return kept before of a
     * purchase that {@code arrived} just now. A return whose purchase is not there yet stays kept, unapplied.
     */
    private void applyReturns(List<Return> fresh, Set<Key> arrived, Map<UUID, MemberActivity> byMember, Instant now) {
        Map<ReturnKey, Return> toApply = new LinkedHashMap<>();
        for (Return r : returns.ofPurchases(arrived)) {
            toApply.put(r.key(), r);
        }
        Set<ReturnKey> freshKeys = new HashSet<>();
        for (Return r : fresh) {
            freshKeys.add(r.key());
            toApply.putIfAbsent(r.key(), r);
        }
        if (toApply.isEmpty()) {
            return;
        }
        List<Return> ordered = new ArrayList<>(toApply.values());
        ordered.sort(java.util.Comparator.comparing(Return::returnedAt)
                .thenComparing(Return::storeId)
                .thenComparing(Return::returnId));
        Map<Key, Kept> rows = new HashMap<>(
                purchases.lockAll(ordered.stream().map(Return::purchase).toList()));
        Set<Key> gone = new HashSet<>();
        for (Return r : ordered) {
            Key key = r.purchase();
            Kept purchase = rows.get(key);
            if (purchase == null) {
                if (gone.contains(key)) {
                    returns.applied(r.key(), 0, now); // its purchase came back in full before
                }
                continue; // waits for its purchase
            }
            if (!purchase.currency().equals(r.currency())) {
                String why = "return " + r.returnId() + " at store " + r.storeId() + " is in " + r.currency()
                        + ", its purchase " + r.transactionId() + " in " + purchase.currency();
                if (freshKeys.contains(r.key())) {
                    throw new UnprocessableEventException(why);
                }
                LOG.warnf("%s: the return stays unapplied", why);
                continue;
            }
            ReturnNetting netting;
            try {
                netting = ReturnNetting.of(purchase.amount(), purchase.returnedAmount(), r.amount(), r.fullyReturned());
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw new UnprocessableEventException(e.getMessage(), e);
            }
            if (netting.gone()) {
                purchases.remove(purchase);
                rows.remove(key);
                gone.add(key);
            } else {
                purchases.net(purchase, key, netting.remaining(), netting.returnedAmount());
                rows.put(
                        key,
                        new Kept(
                                key.storeId(),
                                purchase.transactionId(),
                                purchase.memberId(),
                                purchase.occurredAt(),
                                netting.remaining(),
                                netting.returnedAmount(),
                                purchase.currency(),
                                purchase.history(),
                                purchase.inActivity()));
            }
            if (purchase.inActivity()) {
                MemberActivity activity =
                        byMember.computeIfAbsent(purchase.memberId(), m -> activities.lockOrCreate(m));
                Instant lastAfter = netting.gone()
                        ? purchases.lastInActivity(purchase.memberId()).orElse(null)
                        : null;
                try {
                    activity.recordReturn(
                            netting.spendRemoved(),
                            Math.addExact(r.pointsReversed(), r.shortfall()),
                            netting.gone(),
                            lastAfter,
                            now);
                } catch (IllegalStateException | ArithmeticException e) {
                    // the aggregate does not hold this purchase (figures from before purchases were kept one by one)
                    LOG.warnf("return %s at store %s: %s", r.returnId(), r.storeId(), e.getMessage());
                }
            }
            returns.applied(r.key(), netting.spendRemoved(), now);
        }
    }

    private static UUID memberOf(Change change) {
        if (change instanceof Earned e) {
            return e.memberId();
        }
        if (change instanceof Tier t) {
            return t.memberId();
        }
        return ((Returned) change).ret().memberId();
    }

    /** The change as one about the member its member became, if that member was merged into another. */
    private static Change survivorOf(Change change, Map<UUID, UUID> survivors) {
        UUID survivor = survivors.get(memberOf(change));
        if (survivor == null) {
            return change;
        }
        if (change instanceof Earned e) {
            PurchaseFact f = e.fact();
            return new Earned(
                    survivor,
                    new PurchaseFact(
                            f.storeId(),
                            f.transactionId(),
                            survivor,
                            f.occurredAt(),
                            f.amount(),
                            f.currency(),
                            f.history()),
                    e.points(),
                    e.tier(),
                    e.occurredAt());
        }
        if (change instanceof Tier t) {
            return new Tier(survivor, t.toTier(), t.occurredAt());
        }
        Return r = ((Returned) change).ret();
        return new Returned(new Return(
                r.storeId(),
                r.returnId(),
                r.transactionId(),
                survivor,
                r.amount(),
                r.currency(),
                r.returnedAt(),
                r.pointsReversed(),
                r.shortfall(),
                r.fullyReturned()));
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

    /** Reads one event. */
    private static Change read(EventEnvelope event) {
        UUID memberId = memberId(event);
        try {
            return switch (event.type()) {
                case EventTypes.POINTS_EARNED -> {
                    requireVersion(event, PointsEarned.SCHEMA_VERSION);
                    PointsEarned earned = payload(event, PointsEarned.class);
                    Instant purchasedAt = earned.purchasedAt() != null ? earned.purchasedAt() : event.occurredAt();
                    yield new Earned(
                            memberId,
                            new PurchaseFact(
                                    earned.storeId(),
                                    earned.transactionId(),
                                    memberId,
                                    purchasedAt,
                                    earned.amount(),
                                    earned.currency(),
                                    earned.history()),
                            earned.points(),
                            earned.tier(),
                            event.occurredAt());
                }
                case EventTypes.TIER_CHANGED -> {
                    requireVersion(event, TierChanged.SCHEMA_VERSION);
                    TierChanged changed = payload(event, TierChanged.class);
                    if (changed.toTier() == null || changed.toTier().isBlank()) {
                        throw new IllegalArgumentException("tier missing");
                    }
                    yield new Tier(memberId, changed.toTier(), event.occurredAt());
                }
                case EventTypes.PURCHASE_RETURNED -> {
                    requireVersion(event, PurchaseReturned.SCHEMA_VERSION);
                    PurchaseReturned r = payload(event, PurchaseReturned.class);
                    yield new Returned(new Return(
                            r.storeId(),
                            r.returnId(),
                            r.transactionId(),
                            memberId,
                            r.amount(),
                            r.currency(),
                            r.returnedAt() != null ? r.returnedAt() : event.occurredAt(),
                            r.pointsReversed(),
                            r.shortfall(),
                            r.fullyReturned()));
                }
                default -> throw new IllegalArgumentException("the consumer passes no " + event.type() + " events");
            };
        } catch (IllegalArgumentException e) {
            throw new UnprocessableEventException(e.getMessage(), e);
        }
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
