package com.example.loyalty.points.service;

import com.example.loyalty.points.domain.RuleKind;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * What a purchase earns, and why, rule by rule: a pure function of the purchase, the member's tier and segment, their
 * boosts and the rule versions (docs/earning-rules.md, "Stacking").
 *
 * <ol>
 * <li>The purchase is split into lines: its items, and the rest of the amount (not covered by items) as one line.
 * <li>Base points of a line: its amount divided by the rate (minor units per point: the BASE_RATE rule in force for the
 * currency, else {@code points.earn.rates.<currency>}). Nothing is rounded until the end.
 * <li>Multipliers multiply, line by line, in this order: tier, boosts, channel, SKU or else category (a SKU rule wins
 * over a category rule on the same line), campaigns (oldest campaign first). The product of a line's multipliers never
 * exceeds the maximum ({@code points.rules.max-total-multiplier}, 10): the multiplier that would pass it is cut.
 * <li>A campaign's bonus points are added once per purchase.
 * <li>A campaign's caps (points per purchase, points per member per day) bound what that campaign adds (its multiplier's
 * extra and its bonus) after stacking.
 * <li>The total is rounded down once, to whole points.
 * </ol>
 * Among rules of one kind and key (one BASE_RATE per currency, one CHANNEL per channel, one SKU per SKU, one CATEGORY
 * per category) in force at once, only the newest rule applies.
 */
public final class EarningEngine {

    /** Working precision of the ratios a capped campaign uses; sums and products are exact. */
    private static final MathContext MC = MathContext.DECIMAL128;

    private static final int SHOWN_SCALE = 3;
    private static final int STORED_SCALE = 6;

    private final BigDecimal maxTotalMultiplier;

    public EarningEngine(BigDecimal maxTotalMultiplier) {
        if (maxTotalMultiplier == null || maxTotalMultiplier.compareTo(BigDecimal.ONE) < 0) {
            throw new IllegalArgumentException("the maximum total multiplier must be at least 1");
        }
        this.maxTotalMultiplier = maxTotalMultiplier;
    }

    /** A line item of a purchase; {@code amount} in minor units of the purchase's currency. */
    public record Item(String sku, String category, long amount, int quantity) {}

    /** The purchase as the engine sees it. */
    public record Purchase(long amount, String currency, String channel, Instant occurredAt, List<Item> items) {
        public Purchase {
            Objects.requireNonNull(currency, "currency");
            Objects.requireNonNull(occurredAt, "occurredAt");
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    /** The member as the engine sees it: the tier held before the purchase, and the RFM segment (or null). */
    public record MemberContext(String tierCode, String tierName, BigDecimal tierMultiplier, String segment) {}

    /**
     * One step of the explanation.
     *
     * @param ruleId      the rule (null for the configured base rate, the tier, a boost and the rounding)
     * @param version     the rule's version (null as ruleId)
     * @param kind        BASE_RATE, TIER, BOOST, CHANNEL, SKU, CATEGORY, CAMPAIGN or ROUNDING
     * @param effect      what it did, in words
     * @param points      the points this step added (negative for a multiplier below 1), 3 decimals, rounded down
     * @param pointsAfter the points after this step, 3 decimals, rounded down (the last step: whole points)
     * @param capped      true when a cap or the maximum total multiplier cut what it would have added
     */
    public record Step(
            UUID ruleId,
            Integer version,
            String kind,
            String name,
            String effect,
            BigDecimal points,
            BigDecimal pointsAfter,
            boolean capped) {}

    /** A rule version that applied, and the points it added (exact to 6 decimals, before the rounding). */
    public record Applied(UUID ruleId, int version, RuleKind kind, String name, BigDecimal points) {}

    /**
     * The outcome.
     *
     * @param rate       minor units per base point used
     * @param rateRuleId the BASE_RATE rule it came from; null: the configuration
     */
    public record Earning(long points, int rate, UUID rateRuleId, List<Step> steps, List<Applied> applied) {}

    /** Points a campaign already added to the member's purchases on the day (program zone) of this purchase. */
    @FunctionalInterface
    public interface DailyUse {
        BigDecimal pointsToday(UUID ruleId);

        DailyUse NONE = ruleId -> BigDecimal.ZERO;
    }

    private static final class Line {
        final String sku;
        final String category;
        final BigDecimal amount;
        BigDecimal product = BigDecimal.ONE;

        Line(String sku, String category, long amount) {
            this.sku = sku;
            this.category = category;
            this.amount = BigDecimal.valueOf(amount);
        }

        BigDecimal value() {
            return amount.multiply(product);
        }
    }

    /**
     * @param versions   rule versions; only those that apply at the purchase's {@code occurredAt} are used
     * @param configRate {@code points.earn.rates.<currency>}; null when none is configured
     * @throws IllegalArgumentException when the items add up to more than the amount, or no rate is known
     */
    public Earning earn(
            Purchase purchase,
            MemberContext member,
            List<EarningBoosts.Boost> boosts,
            List<RuleVersionView> versions,
            Integer configRate,
            DailyUse used) {
        Instant t = purchase.occurredAt();
        List<RuleVersionView> live =
                versions.stream().filter(v -> v.appliesAt(t)).toList();
        String currency = purchase.currency();

        RuleVersionView rateRule = newest(live, v -> v.kind() == RuleKind.BASE_RATE && currency.equals(v.currency()));
        Integer rate = rateRule != null ? rateRule.rate() : configRate;
        if (rate == null || rate <= 0) {
            throw new IllegalArgumentException("no earn rate for " + currency);
        }
        BigDecimal r = BigDecimal.valueOf(rate);

        List<Line> lines = lines(purchase);
        List<Step> steps = new ArrayList<>();
        Map<UUID, Applied> applied = new LinkedHashMap<>();
        BigDecimal[] bonus = {BigDecimal.ZERO};

        BigDecimal base = total(lines, bonus[0]);
        steps.add(new Step(
                rateRule == null ? null : rateRule.ruleId(),
                rateRule == null ? null : rateRule.version(),
                RuleKind.BASE_RATE.name(),
                rateRule == null ? "points.earn.rates." + currency : rateRule.name(),
                "1 point per " + rate + " " + currency + " (minor units)",
                shown(base, r),
                shown(base, r),
                false));
        if (rateRule != null) {
            applied.put(rateRule.ruleId(), applied(rateRule, base, r));
        }

        // tier and boosts: every line
        multiplyStep(lines, member.tierMultiplier(), null, "TIER", member.tierName(), bonus, r, steps, applied);
        for (EarningBoosts.Boost b : boosts) {
            multiplyStep(lines, b.multiplier(), null, "BOOST", b.source() + ": " + b.name(), bonus, r, steps, applied);
        }
        // channel: every line
        RuleVersionView channel =
                newest(live, v -> v.kind() == RuleKind.CHANNEL && Objects.equals(v.channel(), purchase.channel()));
        if (channel != null) {
            multiplyStep(lines, channel.multiplier(), channel, "CHANNEL", channel.name(), bonus, r, steps, applied);
        }
        // SKU, else category: line by line, one step per rule
        Map<UUID, List<Line>> linesOf = new LinkedHashMap<>();
        Map<UUID, RuleVersionView> ruleOf = new LinkedHashMap<>();
        for (Line line : lines) {
            RuleVersionView rule = null;
            if (line.sku != null) {
                rule = newest(live, v -> v.kind() == RuleKind.SKU && line.sku.equals(v.sku()));
            }
            if (rule == null && line.category != null) {
                rule = newest(live, v -> v.kind() == RuleKind.CATEGORY && line.category.equals(v.category()));
            }
            if (rule != null) {
                ruleOf.putIfAbsent(rule.ruleId(), rule);
                linesOf.computeIfAbsent(rule.ruleId(), id -> new ArrayList<>()).add(line);
            }
        }
        for (var e : linesOf.entrySet()) {
            RuleVersionView rule = ruleOf.get(e.getKey());
            multiplyStep(
                    e.getValue(),
                    lines,
                    rule.multiplier(),
                    rule,
                    rule.kind().name(),
                    rule.name(),
                    bonus,
                    r,
                    steps,
                    applied);
        }
        // campaigns, oldest first
        List<RuleVersionView> campaigns = live.stream()
                .filter(v -> v.kind() == RuleKind.CAMPAIGN)
                .filter(v -> v.audienceTiers().isEmpty() || v.audienceTiers().contains(member.tierCode()))
                .filter(v -> v.audienceSegment() == null || v.audienceSegment().equals(member.segment()))
                .filter(v -> v.channel() == null || v.channel().equals(purchase.channel()))
                .filter(v -> v.currency() == null || v.currency().equals(currency))
                .sorted(Comparator.comparing(RuleVersionView::ruleCreatedAt).thenComparing(RuleVersionView::ruleId))
                .toList();
        for (RuleVersionView c : campaigns) {
            campaign(c, lines, bonus, r, used, steps, applied);
        }

        BigDecimal total = total(lines, bonus[0]);
        long points = total.divide(r, 0, RoundingMode.FLOOR).longValueExact();
        steps.add(new Step(
                null,
                null,
                "ROUNDING",
                "rounding",
                "rounded down once, to whole points",
                null,
                BigDecimal.valueOf(points),
                false));
        return new Earning(
                points, rate, rateRule == null ? null : rateRule.ruleId(), steps, List.copyOf(applied.values()));
    }

    /** Items as lines, and the amount they do not cover as one more line; refuses items above the amount. */
    private static List<Line> lines(Purchase purchase) {
        List<Line> lines = new ArrayList<>();
        long covered = 0;
        for (Item item : purchase.items()) {
            if (item.amount() <= 0) {
                throw new IllegalArgumentException("an item's amount must be positive");
            }
            covered = Math.addExact(covered, item.amount());
            lines.add(new Line(item.sku(), item.category(), item.amount()));
        }
        if (covered > purchase.amount()) {
            throw new IllegalArgumentException(
                    "the items add up to " + covered + ", more than the purchase's amount " + purchase.amount());
        }
        if (purchase.amount() > covered) {
            lines.add(new Line(null, null, purchase.amount() - covered));
        }
        return lines;
    }

    private void multiplyStep(
            List<Line> lines,
            BigDecimal multiplier,
            RuleVersionView rule,
            String kind,
            String name,
            BigDecimal[] bonus,
            BigDecimal r,
            List<Step> steps,
            Map<UUID, Applied> applied) {
        multiplyStep(lines, lines, multiplier, rule, kind, name, bonus, r, steps, applied);
    }

    /** Multiplies {@code target} (some of {@code all}) and explains it. */
    private void multiplyStep(
            List<Line> target,
            List<Line> all,
            BigDecimal multiplier,
            RuleVersionView rule,
            String kind,
            String name,
            BigDecimal[] bonus,
            BigDecimal r,
            List<Step> steps,
            Map<UUID, Applied> applied) {
        BigDecimal added = BigDecimal.ZERO;
        boolean capped = false;
        BigDecimal covered = BigDecimal.ZERO;
        for (Line line : target) {
            BigDecimal wanted = line.product.multiply(multiplier);
            BigDecimal next = wanted.min(maxTotalMultiplier.max(line.product));
            capped |= next.compareTo(wanted) != 0;
            added = added.add(line.amount.multiply(next.subtract(line.product)));
            covered = covered.add(line.amount);
            line.product = next;
        }
        String effect = "x" + plain(multiplier)
                + (target.size() == all.size() ? "" : " on " + covered.toPlainString() + " of the amount")
                + (capped ? " (cut: the multipliers may multiply to at most x" + plain(maxTotalMultiplier) + ")" : "");
        steps.add(new Step(
                rule == null ? null : rule.ruleId(),
                rule == null ? null : rule.version(),
                kind,
                name,
                effect,
                shown(added, r),
                shown(total(all, bonus[0]), r),
                capped));
        if (rule != null) {
            applied.put(rule.ruleId(), applied(rule, added, r));
        }
    }

    private void campaign(
            RuleVersionView c,
            List<Line> lines,
            BigDecimal[] bonus,
            BigDecimal r,
            DailyUse used,
            List<Step> steps,
            Map<UUID, Applied> applied) {
        BigDecimal m = c.multiplier() == null ? BigDecimal.ONE : c.multiplier();
        BigDecimal[] next = new BigDecimal[lines.size()];
        BigDecimal multPart = BigDecimal.ZERO;
        boolean cut = false;
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            BigDecimal wanted = line.product.multiply(m);
            next[i] = wanted.min(maxTotalMultiplier.max(line.product));
            cut |= next[i].compareTo(wanted) != 0;
            multPart = multPart.add(line.amount.multiply(next[i].subtract(line.product)));
        }
        BigDecimal bonusPart = BigDecimal.valueOf(c.bonusPoints() == null ? 0 : c.bonusPoints())
                .multiply(r);
        BigDecimal allowed = null;
        String capName = null;
        if (c.maxPointsPerPurchase() != null) {
            allowed = BigDecimal.valueOf(c.maxPointsPerPurchase()).multiply(r);
            capName = c.maxPointsPerPurchase() + " points per purchase";
        }
        if (c.maxPointsPerMemberDay() != null) {
            BigDecimal left = BigDecimal.valueOf(c.maxPointsPerMemberDay())
                    .subtract(used.pointsToday(c.ruleId()))
                    .max(BigDecimal.ZERO)
                    .multiply(r);
            if (allowed == null || left.compareTo(allowed) < 0) {
                allowed = left;
                capName = c.maxPointsPerMemberDay() + " points per member per day";
            }
        }
        BigDecimal multAllowed = multPart;
        BigDecimal bonusAllowed = bonusPart;
        boolean capped = false;
        if (allowed != null && multPart.add(bonusPart).compareTo(allowed) > 0) {
            capped = true;
            multAllowed = multPart.min(allowed);
            bonusAllowed = bonusPart.min(allowed.subtract(multAllowed)).max(BigDecimal.ZERO);
        }
        BigDecimal ratio = multPart.signum() == 0 || multAllowed.compareTo(multPart) == 0
                ? BigDecimal.ONE
                : multAllowed.divide(multPart, MC);
        BigDecimal added = BigDecimal.ZERO;
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            BigDecimal before = line.value();
            line.product = ratio.compareTo(BigDecimal.ONE) == 0
                    ? next[i]
                    : line.product.add(next[i].subtract(line.product).multiply(ratio, MC));
            added = added.add(line.value().subtract(before));
        }
        bonus[0] = bonus[0].add(bonusAllowed);
        added = added.add(bonusAllowed);
        List<String> effects = new ArrayList<>();
        if (c.multiplier() != null) {
            effects.add("x" + plain(c.multiplier()));
        }
        if (c.bonusPoints() != null && c.bonusPoints() > 0) {
            effects.add("+" + c.bonusPoints() + " points");
        }
        String effect = String.join(", ", effects)
                + (cut ? " (cut: the multipliers may multiply to at most x" + plain(maxTotalMultiplier) + ")" : "")
                + (capped ? " (capped at " + capName + ")" : "");
        steps.add(new Step(
                c.ruleId(),
                c.version(),
                RuleKind.CAMPAIGN.name(),
                c.name(),
                effect,
                shown(added, r),
                shown(total(lines, bonus[0]), r),
                cut || capped));
        applied.put(c.ruleId(), applied(c, added, r));
    }

    private static BigDecimal total(List<Line> lines, BigDecimal bonus) {
        BigDecimal sum = bonus;
        for (Line line : lines) {
            sum = sum.add(line.value());
        }
        return sum;
    }

    private static Applied applied(RuleVersionView rule, BigDecimal added, BigDecimal r) {
        return new Applied(
                rule.ruleId(),
                rule.version(),
                rule.kind(),
                rule.name(),
                added.divide(r, STORED_SCALE, RoundingMode.FLOOR));
    }

    /** Points as shown: 3 decimals, rounded down (toward minus infinity). */
    private static BigDecimal shown(BigDecimal units, BigDecimal r) {
        return units.divide(r, SHOWN_SCALE, RoundingMode.FLOOR);
    }

    private static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }

    /** The newest rule (by creation, then id) among {@code live} that {@code matches}; null if none. */
    private static RuleVersionView newest(List<RuleVersionView> live, Predicate<RuleVersionView> matches) {
        return live.stream()
                .filter(matches)
                .max(Comparator.comparing(RuleVersionView::ruleCreatedAt).thenComparing(RuleVersionView::ruleId))
                .orElse(null);
    }
}
