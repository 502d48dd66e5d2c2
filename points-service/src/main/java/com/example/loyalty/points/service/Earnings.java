package com.example.loyalty.points.service;

import com.example.loyalty.common.web.Problems;
import com.example.loyalty.points.config.PointsConfig;
import com.example.loyalty.points.domain.Member;
import com.example.loyalty.points.repository.EarningRuleRepository;
import com.example.loyalty.points.repository.MemberRepository;
import com.example.loyalty.points.repository.MemberSegmentRepository;
import com.example.loyalty.points.repository.PurchaseRuleRepository;
import com.example.loyalty.points.repository.PurchaseRuleRepository.AppliedRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * What a purchase earns by the earning rules: gathers what {@link EarningEngine} needs (the rule versions from the
 * cache, the member's segment and boosts, what capped campaigns gave the member that day) and records which rule
 * versions a purchase earned by. Used by the till ({@link PurchaseService}, imports that earn go through it too) and by
 * {@code POST /api/points/rules/simulate}, so both compute alike.
 */
@ApplicationScoped
public class Earnings {

    private final EarningRuleCache cache;
    private final EarningRuleRepository rules;
    private final MemberSegmentRepository segments;
    private final PurchaseRuleRepository applied;
    private final EarningBoosts boosts;
    private final PointsConfig config;
    private final MemberRepository members;
    private final TierService tiers;
    private final EarningEngine engine;

    public Earnings(
            EarningRuleCache cache,
            EarningRuleRepository rules,
            MemberSegmentRepository segments,
            PurchaseRuleRepository applied,
            EarningBoosts boosts,
            PointsConfig config,
            MemberRepository members,
            TierService tiers) {
        this.cache = cache;
        this.rules = rules;
        this.segments = segments;
        this.applied = applied;
        this.boosts = boosts;
        this.config = config;
        this.members = members;
        this.tiers = tiers;
        this.engine = new EarningEngine(config.rules().maxTotalMultiplier());
    }

    /**
     * Refuses line items that could never earn: more than {@code points.rules.max-items}, or adding up to more than the
     * purchase's amount (422 invalid-items).
     */
    public void checkItems(long amount, List<EarningEngine.Item> items) {
        if (items == null || items.isEmpty()) {
            return;
        }
        if (items.size() > config.rules().maxItems()) {
            throw Problems.unprocessable(
                    "invalid-items",
                    "Invalid line items",
                    "a purchase carries at most " + config.rules().maxItems() + " items, this one " + items.size());
        }
        long sum = 0;
        for (EarningEngine.Item item : items) {
            if (item.amount() <= 0 || item.quantity() <= 0) {
                throw Problems.unprocessable(
                        "invalid-items", "Invalid line items", "an item's amount and quantity must be positive");
            }
            sum += item.amount(); // each at most the amount's bound, at most max-items of them: no overflow
            if (sum > amount) {
                throw Problems.unprocessable(
                        "invalid-items",
                        "Invalid line items",
                        "the items add up to more than the purchase's amount " + amount
                                + " (minor units); the amount not covered by items earns at the base");
            }
        }
    }

    /**
     * What {@code member}, at {@code tier} (the tier held before the purchase), earns by a purchase. Runs in the
     * caller's transaction (a till's, with the member locked, so the daily caps of campaigns are read under the lock).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public EarningEngine.Earning compute(Member member, TierLadderView.Step tier, EarningEngine.Purchase purchase) {
        ZoneId zone = config.zone();
        Instant at = purchase.occurredAt();
        EarningEngine.DailyUse used = ruleId -> {
            LocalDate day = LocalDate.ofInstant(at, zone);
            return applied.pointsOf(
                    ruleId,
                    member.id,
                    day.atStartOfDay(zone).toInstant(),
                    day.plusDays(1).atStartOfDay(zone).toInstant());
        };
        List<RuleVersionView> versions = versionsAt(at);
        // the member's segment only matters to a campaign for a segment: read it only when one may apply
        String segment = versions.stream().anyMatch(v -> v.audienceSegment() != null)
                ? segments.segmentOf(member.id).orElse(null)
                : null;
        return engine.earn(
                purchase,
                new EarningEngine.MemberContext(tier.code(), tier.name(), tier.multiplier(), segment),
                boosts.boostsFor(member, at),
                versions,
                config.earn().rates().get(purchase.currency()),
                used);
    }

    /** What a simulated purchase would earn, for whom. */
    public record Simulation(
            String cardCode, String tier, String segment, Instant occurredAt, EarningEngine.Earning earning) {}

    /**
     * What a purchase would earn now, by the rules in force at {@code occurredAt} (now when null), for the member of
     * {@code cardCode} at their tier now; nothing is written.
     *
     * @throws io.quarkiverse.resteasy.problem.HttpProblem 404 unknown-card; 422 unsupported-currency,
     *     purchase-in-future, purchase-too-old (before points.purchases.earliest), invalid-items
     */
    @Transactional
    public Simulation simulate(
            String cardCode,
            long amount,
            String currency,
            String channel,
            Instant occurredAt,
            List<EarningEngine.Item> items) {
        Integer rate = config.earn().rates().get(currency);
        if (rate == null || rate <= 0) {
            throw Problems.unprocessable(
                    "unsupported-currency",
                    "Unsupported currency",
                    "currency " + currency + " is not accepted; accepted: "
                            + new java.util.TreeSet<>(config.earn().rates().keySet()));
        }
        Instant now = Instant.now();
        Instant at = occurredAt != null ? occurredAt : now;
        if (at.isAfter(now.plus(config.earn().maxFutureSkew()))) {
            throw Problems.unprocessable(
                    "purchase-in-future", "Purchase in the future", "occurredAt " + at + " lies in the future");
        }
        if (at.isBefore(config.purchases().earliest())) {
            throw Problems.unprocessable(
                    "purchase-too-old",
                    "Purchase too old",
                    "occurredAt " + at + " lies before " + config.purchases().earliest()
                            + " (points.purchases.earliest)");
        }
        checkItems(amount, items);
        Member member = members.findByCardCode(cardCode)
                .orElseThrow(() -> Problems.notFound("unknown-card", "Unknown card", "no member has card " + cardCode));
        TierLadderView.Step tier = tiers.ladder().step(member.tierCode);
        EarningEngine.Earning earning =
                compute(member, tier, new EarningEngine.Purchase(amount, currency, channel, at, items));
        return new Simulation(
                member.cardCode, tier.code(), segments.segmentOf(member.id).orElse(null), at, earning);
    }

    /** Records the rule versions a purchase earned by, and its items; returns them as the purchase's answer lists them. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<AppliedRule> record(UUID purchaseId, EarningEngine.Earning earning, List<EarningEngine.Item> items) {
        List<AppliedRule> rows = earning.applied().stream()
                .map(a -> new AppliedRule(a.ruleId(), a.version(), a.kind().name(), a.name(), a.points()))
                .toList();
        applied.record(
                purchaseId,
                rows,
                items == null
                        ? List.of()
                        : items.stream()
                                .map(i -> new PurchaseRuleRepository.Item(
                                        i.sku(), i.category(), i.amount(), i.quantity()))
                                .toList());
        return rows;
    }

    /** The rule versions a purchase recorded before earned by. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<AppliedRule> rulesOf(UUID purchaseId) {
        return applied.rulesOf(purchaseId);
    }

    /** The rule versions that may apply at {@code at}: from memory for any time the till still takes. */
    List<RuleVersionView> versionsAt(Instant at) {
        EarningRuleCache.Snapshot snapshot = cache.get(this::load);
        if (!at.isBefore(snapshot.since())) {
            return snapshot.versions();
        }
        return rules.inForceAt(at).stream()
                .map(l -> RuleVersionView.of(l.version(), l.ruleCreatedAt(), l.kind()))
                .toList();
    }

    private EarningRuleCache.Snapshot load() {
        Instant since = oldest(Instant.now(), config.purchases().maxAge().plus(Duration.ofDays(1)));
        List<RuleVersionView> versions = rules.inForceSince(since).stream()
                .map(l -> RuleVersionView.of(l.version(), l.ruleCreatedAt(), l.kind()))
                .toList();
        return new EarningRuleCache.Snapshot(since, versions);
    }

    private static Instant oldest(Instant now, Duration age) {
        try {
            return now.minus(age);
        } catch (DateTimeException | ArithmeticException e) {
            return Instant.EPOCH;
        }
    }
}
