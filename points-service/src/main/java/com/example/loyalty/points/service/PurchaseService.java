package com.example.loyalty.points.service;

import com.example.loyalty.common.persistence.Transactions;
import com.example.loyalty.common.security.Roles;
import com.example.loyalty.common.web.Problems;
import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.PointsEarned;
import com.example.loyalty.events.TierChanged;
import com.example.loyalty.events.Topics;
import com.example.loyalty.messaging.outbox.OutboxWriter;
import com.example.loyalty.points.config.PointsConfig;
import com.example.loyalty.points.domain.AuditAction;
import com.example.loyalty.points.domain.LedgerKind;
import com.example.loyalty.points.domain.Member;
import com.example.loyalty.points.domain.Purchase;
import com.example.loyalty.points.repository.MemberRepository;
import com.example.loyalty.points.repository.PurchaseRepository;
import com.example.loyalty.points.repository.PurchaseRuleRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Records purchases and earns their points. The store and the till's transaction id are the idempotency key: a replay
 * (also a concurrent one) returns the first result and earns nothing. Guards (docs/points-accounting.md): a currency
 * with an earn rate, an {@code occurredAt} neither in the future nor older than {@code points.purchases.max-age}, an
 * amount up to {@code points.purchases.max-amount.<currency>} unless an admin records it, and nobody records on their
 * own card.
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
    private final AuditLog audit;
    private final Earnings earnings;
    private final ReferralService referrals;
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
            AuditLog audit,
            Earnings earnings,
            ReferralService referrals,
            MeterRegistry registry) {
        this.members = members;
        this.purchases = purchases;
        this.tiers = tiers;
        this.ledger = ledger;
        this.rollingSpend = rollingSpend;
        this.outbox = outbox;
        this.config = config;
        this.audit = audit;
        this.earnings = earnings;
        this.referrals = referrals;
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
            Instant occurredAt,
            List<EarningEngine.Item> items) {

        public PurchaseCommand {
            items = items == null ? List.of() : List.copyOf(items);
        }

        /** A purchase without line items (the whole amount earns at the base). */
        public PurchaseCommand(
                String transactionId,
                String cardCode,
                long amount,
                String currency,
                String storeId,
                String channel,
                Instant occurredAt) {
            this(transactionId, cardCode, amount, currency, storeId, channel, occurredAt, List.of());
        }
    }

    /**
     * Who records a purchase: the token subject, and whether they may approve a purchase above the amount ceiling
     * (admins: their recording it is the approval).
     */
    public record Recorder(String subject, boolean approvesAboveCeiling) {
        public Recorder {
            Objects.requireNonNull(subject, "subject");
        }

        /** The caller of a request: admins approve, everyone else does not. */
        public static Recorder of(SecurityIdentity identity) {
            return new Recorder(identity.getPrincipal().getName(), identity.hasRole(Roles.ADMIN));
        }
    }

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
            boolean replayed,
            List<PurchaseRuleRepository.AppliedRule> rules) {

        static PurchaseResult of(
                Purchase p,
                String cardCode,
                String tierName,
                boolean replayed,
                List<PurchaseRuleRepository.AppliedRule> rules) {
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
                    replayed,
                    rules);
        }
    }

    /** Records a purchase for someone who does not approve purchases above the ceiling (e.g. an import's rows). */
    public PurchaseResult record(PurchaseCommand command, String recordedBy) {
        return record(command, new Recorder(recordedBy, false));
    }

    /**
     * Records a purchase, or answers the replay of one recorded before at the same store under the same transaction
     * id.
     *
     * @throws HttpProblem 404 unknown card; 403 own-card (the card is the recorder's own); 409 the transaction id was
     *     used at the store for another purchase; 422 unsupported currency, occurredAt in the future, before
     *     points.purchases.earliest or older than points.purchases.max-age, an amount above the ceiling recorded by
     *     someone who does not approve
     */
    public PurchaseResult record(PurchaseCommand command, Recorder by) {
        checkAcceptable(command);
        return Transactions.withUniqueRaceFallback(() -> recordOnce(command, by), () -> replay(command));
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

    /** A currency that earns without a ceiling would let staff record any amount: the service does not start so. */
    void checkCeilings(@Observes StartupEvent start) {
        List<String> problems =
                ceilingProblems(config.earn().rates(), config.purchases().maxAmount());
        if (!problems.isEmpty()) {
            throw new IllegalStateException(
                    "every currency with an earn rate needs a positive ceiling: " + String.join("; ", problems));
        }
    }

    /** What is wrong with the ceilings of the currencies that earn (a missing or non-positive one), in code order. */
    static List<String> ceilingProblems(Map<String, Integer> rates, Map<String, Long> ceilings) {
        List<String> problems = new ArrayList<>();
        for (String currency : new TreeSet<>(rates.keySet())) {
            Long ceiling = ceilings.get(currency);
            if (ceiling == null) {
                problems.add("points.purchases.max-amount." + currency + " is missing");
            } else if (ceiling <= 0) {
                problems.add("points.purchases.max-amount." + currency + " is " + ceiling + ", not positive");
            }
        }
        return problems;
    }

    /** The ceiling of one purchase in {@code currency}, in its minor units; empty when none is configured. */
    public OptionalLong ceiling(String currency) {
        Long max = currency == null ? null : config.purchases().maxAmount().get(currency);
        return max != null ? OptionalLong.of(max) : OptionalLong.empty();
    }

    /** Refuses at once what could never have been recorded: a replay of it cannot exist. */
    private void checkAcceptable(PurchaseCommand command) {
        if (!earnsIn(command.currency())) {
            throw Problems.unprocessable(
                    "unsupported-currency",
                    "Unsupported currency",
                    "currency " + command.currency() + " is not accepted; accepted: "
                            + new TreeSet<>(config.earn().rates().keySet()));
        }
        Instant occurredAt = command.occurredAt();
        if (occurredAt != null
                && occurredAt.isAfter(Instant.now().plus(config.earn().maxFutureSkew()))) {
            throw Problems.unprocessable(
                    "purchase-in-future", "Purchase in the future", "occurredAt " + occurredAt + " lies in the future");
        }
        if (occurredAt != null && occurredAt.isBefore(config.purchases().earliest())) {
            throw tooOld(occurredAt, config.purchases().earliest());
        }
        earnings.checkItems(command.amount(), command.items());
    }

    /**
     * What the guards refuse that may still have been recorded before: a purchase older than the max age (it was
     * recent when it was recorded) or above the ceiling (an admin recorded it); null when nothing is refused.
     */
    private HttpProblem refusal(PurchaseCommand command, Recorder by, Instant occurredAt, Instant now) {
        Instant oldest = oldestAllowed(
                now, config.purchases().maxAge(), config.purchases().earliest());
        if (occurredAt.isBefore(oldest)) {
            return tooOld(occurredAt, oldest);
        }
        long ceiling = ceiling(command.currency()).orElse(0);
        if (command.amount() > ceiling && !by.approvesAboveCeiling()) {
            return HttpProblem.builder()
                    .withType(URI.create(Problems.BASE + "amount-above-ceiling"))
                    .withStatus(422)
                    .withTitle("Amount above the ceiling")
                    .withDetail("amount " + command.amount() + " " + command.currency() + " is above the ceiling of "
                            + ceiling + " " + command.currency() + " for one purchase (minor units): an admin must "
                            + "approve it, by recording it with their own login")
                    .with("ceiling", ceiling)
                    .with("currency", command.currency())
                    .build();
        }
        return null;
    }

    /**
     * The oldest {@code occurredAt} the till takes at {@code now}: {@code maxAge} ago, never before {@code earliest}
     * (nor does a max age too large for the calendar fail).
     */
    static Instant oldestAllowed(Instant now, Duration maxAge, Instant earliest) {
        Instant byAge;
        try {
            byAge = now.minus(maxAge);
        } catch (DateTimeException | ArithmeticException e) {
            byAge = Instant.MIN;
        }
        return byAge.isBefore(earliest) ? earliest : byAge;
    }

    private HttpProblem tooOld(Instant occurredAt, Instant oldest) {
        return Problems.unprocessable(
                "purchase-too-old",
                "Purchase too old",
                "occurredAt " + occurredAt + " lies before " + oldest + ": a purchase may be recorded up to "
                        + readable(config.purchases().maxAge()) + " after it happened (points.purchases.max-age), "
                        + "and none happened before " + config.purchases().earliest());
    }

    /** 90 days rather than PT2160H. */
    static String readable(Duration d) {
        return d.toSeconds() % 86_400 == 0 ? d.toDays() + (d.toDays() == 1 ? " day" : " days") : d.toString();
    }

    /**
     * One transaction, few statements: lock the member, insert the purchase, its ledger entry and its events, update
     * the member. A replayed transaction id is not looked up first (replays are rare): its insert collides with the
     * unique key at the flush, and {@link #replay} answers in a fresh transaction.
     */
    private PurchaseResult recordOnce(PurchaseCommand command, Recorder by) {
        Member member = members.lockByCardCode(command.cardCode()).orElseThrow(() -> unknownCard(command.cardCode()));
        if (by.subject().equals(member.subject)) {
            throw Problems.forbidden(
                    "own-card",
                    "Own card",
                    "card " + command.cardCode() + " is your own member card: a colleague records your purchases");
        }
        Instant now = Instant.now();
        Instant occurredAt = command.occurredAt() != null ? command.occurredAt() : now;
        HttpProblem refused = refusal(command, by, occurredAt, now);
        if (refused != null) {
            // refused now, but perhaps recorded before (while recent, or by an admin): then this is its replay
            Purchase first = purchases
                    .findByStoreAndTransactionId(command.storeId(), command.transactionId())
                    .orElseThrow(() -> refused);
            return replayOf(first, command);
        }
        TierLadderView ladder = tiers.ladder();
        TierLadderView.Step tier = ladder.step(member.tierCode);

        // the earning rules in force at occurredAt (docs/earning-rules.md), with the tier multiplier
        EarningEngine.Earning earning = earnings.compute(
                member,
                tier,
                new EarningEngine.Purchase(
                        command.amount(), command.currency(), command.channel(), occurredAt, command.items()));
        long points = earning.points();
        // the purchase's own lot, pending for the return window (points.lots.pending-days); a return takes it first
        UUID lotId = null;
        if (points > 0) {
            lotId = ledger.credit(
                            member,
                            LedgerKind.EARN,
                            points,
                            "PURCHASE",
                            command.transactionId(),
                            "purchase at store " + command.storeId(),
                            Ledger.Hold.RETURN_WINDOW)
                    .lot()
                    .id;
        }
        // The purchase earns at the tier held before it; an upgrade it causes applies from the next one.
        rollingSpend.current(member, ladder, now);
        rollingSpend.count(member, ladder, occurredAt, command.amount(), points, now);
        long spend = member.windowSpend;
        // spend, purchases and points (docs/tiers.md); never a downgrade here, nor any change under an admin's override
        TierLadderView.Step qualified = ladder.qualifyingTier(RollingSpend.figures(member));
        boolean upgraded = qualified.rank() > tier.rank() && !TierRules.overridden(member, now);
        if (upgraded) {
            member.tierBelowSince = null;
        }
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
        purchase.recordedBy = by.subject();
        purchase.balanceAfter = member.balance;
        purchase.tierAfter = member.tierCode;
        purchase.history = false;
        purchase.lotId = lotId;
        purchases.persist(purchase);
        // a replayed transaction id collides here, as a lost race, before the purchase's rules are written
        Transactions.flushDetectingRace(purchases.getEntityManager());
        List<PurchaseRuleRepository.AppliedRule> applied = earnings.record(purchase.id, earning, command.items());
        long ceiling = ceiling(command.currency()).orElse(0);
        if (command.amount() > ceiling) {
            // only an approver gets here (refusal above): recording it is the approval
            audit.record(
                    by.subject(),
                    AuditAction.PURCHASE_APPROVED,
                    "PURCHASE",
                    purchase.id.toString(),
                    null,
                    new ApprovedPurchase(
                            purchase.storeId,
                            purchase.transactionId,
                            member.id,
                            purchase.amount,
                            purchase.currency,
                            ceiling,
                            purchase.points),
                    "amount above the ceiling of " + ceiling + " " + purchase.currency + " for one purchase");
        }

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
        // a referred member's first purchase: the referral points of both members (docs/action-points.md)
        referrals.onPurchase(member, purchase.id, purchase.occurredAt);
        recorded.increment();
        pointsEarned.increment(purchase.points);
        return PurchaseResult.of(
                purchase, member.cardCode, ladder.step(member.tierCode).name(), false, applied);
    }

    /** What the audit log keeps of a purchase an admin approved above the ceiling. */
    public record ApprovedPurchase(
            String storeId,
            String transactionId,
            UUID memberId,
            long amount,
            String currency,
            long ceiling,
            long points) {}

    private PurchaseResult replay(PurchaseCommand command) {
        Purchase first = purchases
                .findByStoreAndTransactionId(command.storeId(), command.transactionId())
                .orElseThrow(() -> new IllegalStateException("lost a race for " + command.transactionId() + " at store "
                        + command.storeId() + " but the winner's purchase is not there"));
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
                    "transaction " + command.transactionId() + " was recorded at store " + command.storeId()
                            + " with a different card, amount or currency");
        }
        replays.increment();
        String tierName = tiers.ladder().steps().stream()
                .filter(s -> s.code().equals(first.tierAfter))
                .map(TierLadderView.Step::name)
                .findFirst()
                .orElse(first.tierAfter);
        return PurchaseResult.of(first, member.cardCode, tierName, true, earnings.rulesOf(first.id));
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
