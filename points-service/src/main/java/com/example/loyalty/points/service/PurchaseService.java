package com.example.loyalty.points.service;

import com.example.loyalty.common.persistence.Transactions;
import com.example.loyalty.common.web.Problems;
import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.PointsEarned;
import com.example.loyalty.events.TierChanged;
import com.example.loyalty.events.Topics;
import com.example.loyalty.messaging.outbox.OutboxWriter;
import com.example.loyalty.points.config.PointsConfig;
import com.example.loyalty.points.domain.LedgerKind;
import com.example.loyalty.points.domain.Member;
import com.example.loyalty.points.domain.Purchase;
import com.example.loyalty.points.repository.MemberRepository;
import com.example.loyalty.points.repository.PurchaseRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Records purchases and earns their points. The till's transaction id is the idempotency key: a replay
 * (also a concurrent one) returns the first result and earns nothing.
 */
@ApplicationScoped
public class PurchaseService {

    private final MemberRepository members;
    private final PurchaseRepository purchases;
    private final TierService tiers;
    private final Ledger ledger;
    private final RollingSpend rollingSpend;
    private final OutboxWriter outbox;
    private final PointsConfig config;
    private final Counter pointsEarned;
    private final Counter recorded;
    private final Counter replays;

    public PurchaseService(
            MemberRepository members,
            PurchaseRepository purchases,
            TierService tiers,
            Ledger ledger,
            RollingSpend rollingSpend,
            OutboxWriter outbox,
            PointsConfig config,
            MeterRegistry registry) {
        this.members = members;
        this.purchases = purchases;
        this.tiers = tiers;
        this.ledger = ledger;
        this.rollingSpend = rollingSpend;
        this.outbox = outbox;
        this.config = config;
        this.pointsEarned = Counter.builder("loyalty.points.earned")
                .description("points earned on purchases")
                .register(registry);
        this.recorded = Counter.builder("loyalty.points.purchases.recorded")
                .description("purchases recorded")
                .register(registry);
        this.replays = Counter.builder("loyalty.points.purchases.replayed")
                .description("purchase requests answered as replays")
                .register(registry);
    }

    public record PurchaseCommand(
            String transactionId,
            String cardCode,
            long amount,
            String currency,
            String storeId,
            String channel,
            Instant occurredAt) {}

    /** The outcome of a purchase, first or replayed. */
    public record PurchaseResult(
            UUID purchaseId,
            String transactionId,
            UUID memberId,
            String cardCode,
            long points,
            BigDecimal multiplier,
            long balance,
            String tier,
            String tierName,
            boolean tierChanged,
            boolean replayed) {

        static PurchaseResult of(Purchase p, String cardCode, String tierName, boolean replayed) {
            return new PurchaseResult(
                    p.id,
                    p.transactionId,
                    p.memberId,
                    cardCode,
                    p.points,
                    p.multiplier,
                    p.balanceAfter,
                    p.tierAfter,
                    tierName,
                    !p.tierAfter.equals(p.tierCode),
                    replayed);
        }
    }

    public PurchaseResult record(PurchaseCommand command, String recordedBy) {
        checkAcceptable(command);
        return Transactions.withUniqueRaceFallback(() -> recordOnce(command, recordedBy), () -> replay(command));
    }

    /** True when purchases in {@code currency} earn points (an earn rate is configured for it). */
    public boolean earnsIn(String currency) {
        return rate(currency).isPresent();
    }

    /** Minor units of {@code currency} per base point; empty when the currency has no (positive) earn rate. */
    private OptionalInt rate(String currency) {
        Integer rate = currency == null ? null : config.earn().rates().get(currency);
        return rate != null && rate > 0 ? OptionalInt.of(rate) : OptionalInt.empty();
    }

    private void checkAcceptable(PurchaseCommand command) {
        if (!earnsIn(command.currency())) {
            throw Problems.unprocessable(
                    "unsupported-currency",
                    "Unsupported currency",
                    "currency " + command.currency() + " is not accepted; accepted: "
                            + new TreeSet<>(config.earn().rates().keySet()));
        }
        if (command.occurredAt() != null
                && command.occurredAt().isAfter(Instant.now().plus(config.earn().maxFutureSkew()))) {
            throw Problems.unprocessable(
                    "purchase-in-future",
                    "Purchase in the future",
                    "occurredAt " + command.occurredAt() + " lies in the future");
        }
    }

    /**
     * One transaction, few statements: lock the member, insert the purchase, its ledger entry and its events, update
     * the member. A replayed transaction id is not looked up first (replays are rare): its insert collides with the
     * unique key at the flush, and {@link #replay} answers in a fresh transaction.
     */
    private PurchaseResult recordOnce(PurchaseCommand command, String recordedBy) {
        Member member = members.lockByCardCode(command.cardCode()).orElseThrow(() -> unknownCard(command.cardCode()));
        TierLadderView ladder = tiers.ladder();
        TierLadderView.Step tier = ladder.step(member.tierCode);
        Instant now = Instant.now();
        Instant occurredAt = command.occurredAt() != null ? command.occurredAt() : now;

        long points = points(
                command.amount(), tier.multiplier(), rate(command.currency()).orElseThrow());
        if (points > 0) {
            ledger.append(
                    member,
                    LedgerKind.EARN,
                    points,
                    "PURCHASE",
                    command.transactionId(),
                    "purchase at store " + command.storeId());
        }
        // The purchase earns at the tier held before it; an upgrade it causes applies from the next one.
        rollingSpend.current(member, ladder, now);
        rollingSpend.count(member, ladder, occurredAt, command.amount(), now);
        long spend = member.windowSpend;
        TierLadderView.Step qualified = ladder.qualifyingTier(spend);
        boolean upgraded = qualified.rank() > tier.rank();
        if (upgraded) {
            member.tierCode = qualified.code();
        }

        Purchase purchase = new Purchase();
        purchase.id = UUID.randomUUID();
        purchase.transactionId = command.transactionId();
        purchase.memberId = member.id;
        purchase.amount = command.amount();
        purchase.currency = command.currency();
        purchase.storeId = command.storeId();
        purchase.channel = command.channel();
        purchase.occurredAt = occurredAt;
        purchase.points = points;
        purchase.multiplier = tier.multiplier();
        purchase.tierCode = tier.code();
        purchase.recordedAt = now;
        purchase.recordedBy = recordedBy;
        purchase.balanceAfter = member.balance;
        purchase.tierAfter = member.tierCode;
        purchase.history = false;
        purchases.persist(purchase);

        String memberId = member.id.toString();
        outbox.write(
                Topics.LOYALTY_TRANSACTIONS,
                EventTypes.POINTS_EARNED,
                PointsEarned.SCHEMA_VERSION,
                memberId,
                new PointsEarned(
                        purchase.transactionId,
                        purchase.amount,
                        purchase.currency,
                        purchase.storeId,
                        purchase.channel,
                        purchase.occurredAt,
                        purchase.points,
                        purchase.multiplier.toPlainString(),
                        purchase.tierCode,
                        member.balance));
        if (upgraded) {
            outbox.write(
                    Topics.LOYALTY_TRANSACTIONS,
                    EventTypes.TIER_CHANGED,
                    TierChanged.SCHEMA_VERSION,
                    memberId,
                    new TierChanged(tier.code(), qualified.code(), spend));
        }
        // every statement goes out here, so a replayed transaction id shows as a lost race, not as a 500 at commit
        Transactions.flushDetectingRace(purchases.getEntityManager());
        recorded.increment();
        pointsEarned.increment(purchase.points);
        return PurchaseResult.of(
                purchase, member.cardCode, ladder.step(member.tierCode).name(), false);
    }

    private PurchaseResult replay(PurchaseCommand command) {
        Purchase first = purchases
                .findByTransactionId(command.transactionId())
                .orElseThrow(() -> new IllegalStateException(
                        "lost a race for " + command.transactionId() + " but the winner's purchase is not there"));
        return replayOf(first, command);
    }

    private PurchaseResult replayOf(Purchase first, PurchaseCommand command) {
        Member member = members.findById(first.memberId);
        // the card may be the member's own or, after a merge, that of a member merged into them
        boolean same = members.cardStandsFor(command.cardCode(), member.id)
                && first.amount == command.amount()
                && first.currency.equals(command.currency())
                && first.storeId.equals(command.storeId());
        if (!same) {
            throw Problems.conflict(
                    "transaction-id-reused",
                    "Transaction id already used",
                    "transaction " + command.transactionId() + " was recorded with a different card, amount or store");
        }
        replays.increment();
        String tierName = tiers.ladder().steps().stream()
                .filter(s -> s.code().equals(first.tierAfter))
                .map(TierLadderView.Step::name)
                .findFirst()
                .orElse(first.tierAfter);
        return PurchaseResult.of(first, member.cardCode, tierName, true);
    }

    /**
     * Base points (one per {@code minorUnitsPerPoint} of the amount, both in minor units of the purchase's currency)
     * times the multiplier, rounded down.
     */
    static long points(long amount, BigDecimal multiplier, int minorUnitsPerPoint) {
        return BigDecimal.valueOf(amount)
                .multiply(multiplier)
                .divide(BigDecimal.valueOf(minorUnitsPerPoint), 0, RoundingMode.FLOOR)
                .longValueExact();
    }

    private static RuntimeException unknownCard(String cardCode) {
        return Problems.notFound("unknown-card", "Unknown card", "no member has card " + cardCode);
    }
}
