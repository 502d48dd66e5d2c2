package com.example.loyalty.points.service;

import com.example.loyalty.common.persistence.Transactions;
import com.example.loyalty.common.web.Problems;
import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.PurchaseReturned;
import com.example.loyalty.events.Topics;
import com.example.loyalty.messaging.outbox.OutboxWriter;
import com.example.loyalty.points.config.PointsConfig;
import com.example.loyalty.points.domain.Member;
import com.example.loyalty.points.domain.Purchase;
import com.example.loyalty.points.domain.PurchaseReturn;
import com.example.loyalty.points.repository.MemberRepository;
import com.example.loyalty.points.repository.PurchaseRepository;
import com.example.loyalty.points.repository.ReturnRepository;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Returns: part or all of a purchase comes back, and the points it earned for that part go back (docs/points-accounting
 * .md). The rules:
 * <ul>
 * <li><b>Which purchase.</b> By the store and the till's transaction id.</li>
 * <li><b>Once.</b> The till's return id is the idempotency key, per store: the same return again answers the first
 * result (and changes nothing); the same id with another purchase, amount or items is a 409.</li>
 * <li><b>Never more than was bought</b> (422), summed over all returns of the purchase.</li>
 * <li><b>In proportion, rounding cumulatively</b> ({@link ReturnRules#reversedAfter}): after each return the purchase
 * has reversed {@code floor(earned * returned / amount)} points in all, so partial returns never take back more than it
 * earned and a full return takes back exactly that.</li>
 * <li><b>From where.</b> The purchase's own lot first (pending or available), then the member's other points; what is
 * spent already becomes the member's debt ({@link Ledger#reverse}).</li>
 * <li><b>Qualifying spend.</b> The returned amount leaves the member's rolling spend when the purchase counts in the
 * window. The tier is not lowered now: downgrades come with the tier evaluation of a later issue.</li>
 * </ul>
 */
@ApplicationScoped
public class ReturnService {

    /** Reference type of a return's ledger entry; the reference is the id of its {@code purchase_return} row. */
    public static final String REFERENCE_TYPE = "RETURN";

    private final MemberRepository members;
    private final PurchaseRepository purchases;
    private final ReturnRepository returns;
    private final TierService tiers;
    private final RollingSpend rollingSpend;
    private final Ledger ledger;
    private final OutboxWriter outbox;
    private final PointsConfig config;
    private final ObjectMapper json;
    private final Counter recorded;
    private final Counter replays;
    private final Counter pointsReversed;

    public ReturnService(
            MemberRepository members,
            PurchaseRepository purchases,
            ReturnRepository returns,
            TierService tiers,
            RollingSpend rollingSpend,
            Ledger ledger,
            OutboxWriter outbox,
            PointsConfig config,
            ObjectMapper json,
            MeterRegistry registry) {
        this.members = members;
        this.purchases = purchases;
        this.returns = returns;
        this.tiers = tiers;
        this.rollingSpend = rollingSpend;
        this.ledger = ledger;
        this.outbox = outbox;
        this.config = config;
        this.json = json;
        this.recorded = Counter.builder("loyalty.points.returns.recorded")
                .description("returns recorded")
                .register(registry);
        this.replays = Counter.builder("loyalty.points.returns.replayed")
                .description("return requests answered as replays")
                .register(registry);
        this.pointsReversed = Counter.builder("loyalty.points.reversed")
                .tag("reason", "return")
                .description("points taken back")
                .register(registry);
    }

    /** A returned line. */
    public record Item(String sku, long quantity, long amount) {}

    /**
     * A return: exactly one of {@code amount} and {@code items} (the amount is then the sum of the lines).
     *
     * @param occurredAt when it happened; null: now
     */
    public record ReturnCommand(
            String returnId, String transactionId, String storeId, Long amount, List<Item> items, Instant occurredAt) {}

    /**
     * The outcome of a return, first or replayed: the points it took back, the part that became debt, and the member's
     * points after it.
     */
    public record ReturnResult(
            String returnId,
            String storeId,
            UUID purchaseId,
            String transactionId,
            UUID memberId,
            long amount,
            long pointsReversed,
            long shortfall,
            Ledger.Balances balances,
            boolean replayed) {

        static ReturnResult of(PurchaseReturn r, String transactionId, boolean replayed) {
            return new ReturnResult(
                    r.returnId,
                    r.storeId,
                    r.purchaseId,
                    transactionId,
                    r.memberId,
                    r.amount,
                    r.pointsReversed,
                    r.shortfall,
                    new Ledger.Balances(r.balanceAfter, r.availableAfter, r.pendingAfter, r.debtAfter),
                    replayed);
        }
    }

    public ReturnResult record(ReturnCommand given, String recordedBy) {
        long amount = amountOf(given);
        // no lines is the same as lines not given
        ReturnCommand command = given.items() == null || !given.items().isEmpty()
                ? given
                : new ReturnCommand(
                        given.returnId(),
                        given.transactionId(),
                        given.storeId(),
                        given.amount(),
                        null,
                        given.occurredAt());
        if (command.occurredAt() != null
                && command.occurredAt().isAfter(Instant.now().plus(config.earn().maxFutureSkew()))) {
            throw Problems.unprocessable(
                    "return-in-future",
                    "Return in the future",
                    "occurredAt " + command.occurredAt() + " lies in the future");
        }
        return Transactions.withUniqueRaceFallback(
                () -> recordOnce(command, amount, recordedBy), () -> replay(command, amount));
    }

    /**
     * One transaction: find the purchase, lock its member (every change of the member's points and of their purchases'
     * returns happens under that lock, so two returns of one purchase serialise), then check, reverse and record.
     */
    private ReturnResult recordOnce(ReturnCommand command, long amount, String recordedBy) {
        Purchase purchase = purchase(command);
        Member member = members.lockById(purchase.memberId).orElseThrow();
        // read again under the lock: a return committed meanwhile shows in returned_amount now
        purchases.getEntityManager().refresh(purchase);
        var existing = returns.find(command.storeId(), command.returnId());
        if (existing.isPresent()) {
            return replayOf(existing.get(), purchase, command, amount);
        }
        Instant now = Instant.now();
        Instant occurredAt = command.occurredAt() != null ? command.occurredAt() : now;
        if (occurredAt.isBefore(purchase.occurredAt)) {
            throw Problems.unprocessable(
                    "return-before-purchase",
                    "Return before the purchase",
                    "occurredAt " + occurredAt + " lies before the purchase (" + purchase.occurredAt + ")");
        }
        long returned = Math.addExact(purchase.returnedAmount, amount);
        if (returned > purchase.amount) {
            throw Problems.unprocessable(
                    "return-exceeds-purchase",
                    "Return exceeds the purchase",
                    "purchase " + purchase.transactionId + " at store " + purchase.storeId + " was " + purchase.amount
                            + ", " + purchase.returnedAmount + " of it returned before; " + amount + " more is "
                            + (returned - purchase.amount) + " too much");
        }
        long reversedAfter = ReturnRules.reversedAfter(purchase.points, returned, purchase.amount);
        long toReverse = reversedAfter - purchase.pointsReversed;

        if (!purchase.history) {
            // before the purchase's returned amount changes: a recompute of the figure counts purchases net of returns
            TierLadderView ladder = tiers.ladder();
            rollingSpend.current(member, ladder, now);
            rollingSpend.uncount(
                    member,
                    ladder,
                    purchase.occurredAt,
                    amount,
                    toReverse,
                    returned == purchase.amount,
                    now); // the purchase's points and count too (docs/tiers.md)
        }
        PurchaseReturn r = new PurchaseReturn();
        r.id = UUID.randomUUID();
        Ledger.Reversal reversal = toReverse > 0
                ? ledger.reverse(
                        member,
                        toReverse,
                        REFERENCE_TYPE,
                        r.id.toString(),
                        "return " + command.returnId() + " of purchase " + purchase.transactionId + " at store "
                                + purchase.storeId,
                        purchase.lotId)
                : new Ledger.Reversal(null, 0, 0);
        purchase.returnedAmount = returned;
        purchase.pointsReversed = reversedAfter;
        Ledger.Balances after = ledger.balances(member, now);

        r.returnId = command.returnId();
        r.storeId = command.storeId();
        r.purchaseId = purchase.id;
        r.memberId = member.id;
        r.amount = amount;
        r.items = command.items() == null ? null : json.valueToTree(command.items());
        r.pointsReversed = reversal.taken();
        r.shortfall = reversal.shortfall();
        r.occurredAt = occurredAt;
        r.recordedAt = now;
        r.recordedBy = recordedBy;
        r.balanceAfter = after.balance();
        r.availableAfter = after.available();
        r.pendingAfter = after.pending();
        r.debtAfter = after.debt();
        returns.persist(r);
        // the return id of this store may have been recorded a moment ago for another member: a lost race, a replay
        Transactions.flushDetectingRace(returns.getEntityManager());

        outbox.write(
                Topics.LOYALTY_TRANSACTIONS,
                EventTypes.PURCHASE_RETURNED,
                PurchaseReturned.SCHEMA_VERSION,
                member.id.toString(),
                new PurchaseReturned(
                        r.returnId,
                        purchase.transactionId,
                        purchase.storeId,
                        amount,
                        purchase.currency,
                        occurredAt,
                        reversal.taken(),
                        reversal.shortfall(),
                        returned == purchase.amount,
                        member.balance));
        recorded.increment();
        pointsReversed.increment(reversal.taken());
        return ReturnResult.of(r, purchase.transactionId, false);
    }

    private ReturnResult replay(ReturnCommand command, long amount) {
        Purchase purchase = purchase(command);
        PurchaseReturn first = returns.find(command.storeId(), command.returnId())
                .orElseThrow(() -> new IllegalStateException("lost a race for return " + command.returnId()
                        + " at store " + command.storeId() + " but the winner's return is not there"));
        return replayOf(first, purchase, command, amount);
    }

    private ReturnResult replayOf(PurchaseReturn first, Purchase purchase, ReturnCommand command, long amount) {
        List<Item> firstItems = first.items == null ? null : json.convertValue(first.items, new TypeReference<>() {});
        boolean same = first.purchaseId.equals(purchase.id)
                && first.amount == amount
                && Objects.equals(firstItems, command.items());
        if (!same) {
            throw Problems.conflict(
                    "return-id-reused",
                    "Return id already used",
                    "return " + command.returnId() + " at store " + command.storeId()
                            + " was recorded with a different purchase, amount or items");
        }
        replays.increment();
        return ReturnResult.of(first, purchase.transactionId, true);
    }

    private Purchase purchase(ReturnCommand command) {
        return purchases
                .findByStoreAndTransactionId(command.storeId(), command.transactionId())
                .orElseThrow(() -> Problems.notFound(
                        "unknown-purchase",
                        "Unknown purchase",
                        "no purchase " + command.transactionId() + " at store " + command.storeId()));
    }

    /** The returned amount: the one given, or the sum of the lines; a 400 unless exactly one of them is given. */
    static long amountOf(ReturnCommand command) {
        boolean hasAmount = command.amount() != null;
        boolean hasItems = command.items() != null && !command.items().isEmpty();
        if (hasAmount == hasItems) {
            throw Problems.badRequest(
                    "amount-or-items",
                    "Amount or items",
                    "give either the returned amount or the returned items, not both and not neither");
        }
        if (hasAmount) {
            return command.amount();
        }
        try {
            return command.items().stream().mapToLong(Item::amount).reduce(0, Math::addExact);
        } catch (ArithmeticException e) {
            throw Problems.badRequest("amount-too-large", "Amount too large", "the items' amounts add up beyond any");
        }
    }
}
