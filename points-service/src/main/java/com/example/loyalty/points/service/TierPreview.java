package com.example.loyalty.points.service;

import com.example.loyalty.points.config.PointsConfig;
import com.example.loyalty.points.repository.TierEvaluationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a draft ladder would do to the real members, before it is published (docs/tiers.md, "Preview"): one
 * set-based statement over every live member, writing nothing. Members land at the highest draft tier their figures
 * in the draft's period qualify for (where the ladder settles: upgrades at once, downgrades after the grace period);
 * a member held by an admin's override stays where they are.
 */
@ApplicationScoped
public class TierPreview {

    private final TierService tiers;
    private final TierEvaluationRepository rows;
    private final PointsConfig config;

    public TierPreview(TierService tiers, TierEvaluationRepository rows, PointsConfig config) {
        this.tiers = tiers;
        this.rows = rows;
        this.config = config;
    }

    @Schema(description = "Members who would land in a draft tier")
    public record TierCount(String code, String name, long members) {}

    /**
     * The earning cost of the period's spend, in points: every member's spend in the draft's period times the base
     * rate ({@code rate} minor units per point) times the multiplier of the tier they hold now ({@code currentPoints})
     * or would land at ({@code draftPoints}).
     */
    @Schema(
            description =
                    "Earning cost of the period's spend, in points: under the current tiers and multipliers, "
                            + "under the draft's, the change (draft - current) and it in percent; rate: minor units per base point")
    public record Cost(long currentPoints, long draftPoints, long change, BigDecimal changePercent, int rate) {}

    @Schema(description = "What a draft ladder would do to the real members (docs/tiers.md, Preview)")
    public record Result(
            List<TierCount> tiers,
            long members,
            long movedUp,
            long movedDown,
            long unchanged,
            long heldByOverride,
            Cost earningCost,
            Instant periodFrom,
            Instant at) {}

    @Transactional
    public Result preview(TierService.LadderDefinition definition) {
        TierLadderView draft = tiers.draft(definition);
        TierLadderView current = tiers.ladder();
        Instant now = Instant.now();
        List<TierEvaluationRepository.DraftTier> draftTiers = draft.steps().stream()
                .map(s -> new TierEvaluationRepository.DraftTier(
                        s.rank(),
                        s.thresholdSpend(),
                        s.minPurchases(),
                        s.minPoints(),
                        s.qualifyBy() == TierLadderView.QualifyBy.ALL))
                .toList();
        List<TierEvaluationRepository.PreviewGroup> groups =
                rows.preview(draftTiers, TierEvaluations.window(draft, now), now);

        Map<String, Long> perTier = new LinkedHashMap<>();
        draft.steps().forEach(s -> perTier.put(s.code(), 0L));
        Map<String, BigDecimal> currentMultipliers = new HashMap<>();
        current.steps().forEach(s -> currentMultipliers.put(s.code(), s.multiplier()));
        long total = 0;
        long up = 0;
        long down = 0;
        long held = 0;
        BigDecimal currentWeighted = BigDecimal.ZERO;
        BigDecimal draftWeighted = BigDecimal.ZERO;
        for (TierEvaluationRepository.PreviewGroup g : groups) {
            total += g.members();
            var heldInDraft = draft.find(g.current());
            TierLadderView.Step land;
            if (g.landRank() < 0) {
                held += g.members();
                land = heldInDraft.orElse(null);
            } else {
                land = draft.steps().get(g.landRank());
            }
            BigDecimal currentMultiplier = currentMultipliers.getOrDefault(g.current(), BigDecimal.ONE);
            BigDecimal spend = BigDecimal.valueOf(g.spend());
            currentWeighted = currentWeighted.add(spend.multiply(currentMultiplier));
            if (land == null) {
                // held by an override at a tier the draft does not have (the publish would refuse it): left as is
                draftWeighted = draftWeighted.add(spend.multiply(currentMultiplier));
                continue;
            }
            perTier.merge(land.code(), g.members(), Long::sum);
            int from = heldInDraft
                    .map(TierLadderView.Step::rank)
                    .orElseGet(() -> current.find(g.current())
                            .map(TierLadderView.Step::rank)
                            .orElse(0));
            if (land.rank() > from) {
                up += g.members();
            } else if (land.rank() < from) {
                down += g.members();
            }
            draftWeighted = draftWeighted.add(spend.multiply(land.multiplier()));
        }
        int rate = rate();
        long currentPoints = currentWeighted
                .divide(BigDecimal.valueOf(rate), 0, RoundingMode.FLOOR)
                .longValueExact();
        long draftPoints = draftWeighted
                .divide(BigDecimal.valueOf(rate), 0, RoundingMode.FLOOR)
                .longValueExact();
        BigDecimal percent = currentPoints == 0
                ? null
                : BigDecimal.valueOf(draftPoints - currentPoints)
                        .multiply(BigDecimal.valueOf(100))
                        .divide(BigDecimal.valueOf(currentPoints), 2, RoundingMode.HALF_UP);
        List<TierCount> counts = new ArrayList<>();
        for (TierLadderView.Step s : draft.steps()) {
            counts.add(new TierCount(s.code(), s.name(), perTier.get(s.code())));
        }
        return new Result(
                counts,
                total,
                up,
                down,
                total - up - down,
                held,
                new Cost(currentPoints, draftPoints, draftPoints - currentPoints, percent, rate),
                draft.period().kind() == TierLadderView.PeriodKind.ROLLING
                        ? draft.windowStart(now)
                        : draft.windowStart(now).plusNanos(1_000),
                now);
    }

    /** The earn rate the cost is priced at: JPY's, else the lowest configured. */
    private int rate() {
        Map<String, Integer> rates = config.earn().rates();
        Integer jpy = rates.get("JPY");
        if (jpy != null && jpy > 0) {
            return jpy;
        }
        return rates.values().stream().filter(r -> r > 0).min(Integer::compare).orElse(100);
    }
}
