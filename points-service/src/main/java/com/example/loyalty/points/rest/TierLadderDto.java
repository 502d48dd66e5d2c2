package com.example.loyalty.points.rest;

import com.example.loyalty.common.web.Problems;
import com.example.loyalty.points.service.TierLadderView;
import com.example.loyalty.points.service.TierService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The tier ladder, lowest tier first (docs/tiers.md)")
public record TierLadderDto(
        @Schema(description = "Rolling qualification window in months (the period when `period` is left out)")
        @Min(1)
        @Max(60)
        Integer windowMonths,

        @Schema(description = "Read-only: bumped on every change")
        Long version,

        @NotEmpty @Size(max = 20) List<@Valid @NotNull TierDto> tiers,

        @Schema(description = "The qualification period; left out: ROLLING over windowMonths") @Valid
        PeriodDto period,

        @Schema(description = "Downgrade rules; left out: graceDays 30, maxSteps 1") @Valid
        DowngradeDto downgrade,

        @Schema(description = "Read-only, in the answer to PUT: the re-evaluation of every member the change started")
        UUID evaluationId) {

    /** The body as it was before periods and downgrades: still accepted as it is. */
    public TierLadderDto(Integer windowMonths, Long version, List<TierDto> tiers) {
        this(windowMonths, version, tiers, null, null, null);
    }

    @Schema(
            description = "One tier. Thresholds of 0 (or left out) are not required; the first tier has none, every "
                    + "tier above it at least one")
    public record TierDto(
            @Schema(examples = "SILVER")
            @NotBlank
            @Pattern(regexp = "[A-Z][A-Z0-9_]{0,31}", message = "must be 1-32 upper-case letters, digits or _")
            String code,

            @Schema(examples = "Silver") @NotBlank @Size(max = 64)
            String name,

            @Schema(description = "Spend (JPY, net of returns) in the period that qualifies") @PositiveOrZero
            Long thresholdSpend,

            @Schema(description = "Earning multiplier", examples = "1.25")
            @NotNull
            @DecimalMin(value = "0", inclusive = false)
            BigDecimal multiplier,

            @Schema(description = "Purchases (not returned in full) in the period that qualify")
            @PositiveOrZero
            @Max(1_000_000)
            Long minPurchases,

            @Schema(description = "Points earned by purchases (net of returns) in the period that qualify")
            @PositiveOrZero
            Long minPoints,

            @Schema(description = "ANY (default): one threshold reached qualifies; ALL: every threshold above 0")
            TierLadderView.QualifyBy qualifyBy) {

        public TierDto(String code, String name, Long thresholdSpend, BigDecimal multiplier) {
            this(code, name, thresholdSpend, multiplier, null, null, null);
        }
    }

    @Schema(description = "The qualification period")
    public record PeriodDto(
            @Schema(
                    description = "ROLLING (the last `months` months), CALENDAR_YEAR (January to December) or "
                            + "FISCAL_YEAR (from `startMonth`), in the program's zone")
            @NotNull
            TierLadderView.PeriodKind kind,

            @Schema(description = "ROLLING: months of the window (else windowMonths)") @Min(1) @Max(60)
            Integer months,

            @Schema(description = "FISCAL_YEAR: the month (1-12) it starts with; 4 (April) by default") @Min(1) @Max(12)
            Integer startMonth) {}

    @Schema(
            description =
                    "Downgrade rules: a member no longer qualifying is marked at an evaluation, and downgraded at "
                            + "an evaluation at least graceDays later, by at most maxSteps tiers")
    public record DowngradeDto(
            @Schema(description = "Days of grace after the mark; 0: downgraded at the first evaluation")
            @Min(0)
            @Max(3660)
            Integer graceDays,

            @Schema(description = "Tiers one evaluation takes a member down at most") @Min(1) @Max(20)
            Integer maxSteps) {}

    public static TierLadderDto from(TierLadderView view) {
        return from(view, null);
    }

    public static TierLadderDto from(TierLadderView view, UUID evaluationId) {
        TierLadderView.Period p = view.period();
        return new TierLadderDto(
                view.windowMonths(),
                view.version(),
                view.steps().stream()
                        .map(s -> new TierDto(
                                s.code(),
                                s.name(),
                                s.thresholdSpend(),
                                s.multiplier(),
                                s.minPurchases(),
                                s.minPoints(),
                                s.qualifyBy()))
                        .toList(),
                new PeriodDto(
                        p.kind(),
                        p.kind() == TierLadderView.PeriodKind.ROLLING ? view.windowMonths() : null,
                        p.kind() == TierLadderView.PeriodKind.FISCAL_YEAR ? p.startMonth() : null),
                new DowngradeDto(view.downgrade().graceDays(), view.downgrade().maxSteps()),
                evaluationId);
    }

    /** The ladder as the service takes it; 422 when period and windowMonths disagree or neither gives a window. */
    public TierService.LadderDefinition definition() {
        TierLadderView.PeriodKind kind = period == null ? TierLadderView.PeriodKind.ROLLING : period.kind();
        Integer months = windowMonths;
        if (kind == TierLadderView.PeriodKind.ROLLING) {
            Integer periodMonths = period == null ? null : period.months();
            if (months != null && periodMonths != null && !months.equals(periodMonths)) {
                throw Problems.unprocessable(
                        "invalid-tier-ladder",
                        "Invalid tier ladder",
                        "windowMonths " + months + " and period.months " + periodMonths + " disagree");
            }
            months = months != null ? months : periodMonths;
            if (months == null) {
                throw Problems.unprocessable(
                        "invalid-tier-ladder",
                        "Invalid tier ladder",
                        "a rolling period needs its months: windowMonths or period.months");
            }
        } else if (months == null) {
            months = 12;
        }
        int startMonth = period != null && period.startMonth() != null ? period.startMonth() : 4;
        int grace = downgrade != null && downgrade.graceDays() != null ? downgrade.graceDays() : 30;
        int maxSteps = downgrade != null && downgrade.maxSteps() != null ? downgrade.maxSteps() : 1;
        return new TierService.LadderDefinition(kind, months, startMonth, grace, maxSteps, definitions());
    }

    public List<TierService.TierDefinition> definitions() {
        return tiers.stream()
                .map(t -> new TierService.TierDefinition(
                        t.code(),
                        t.name(),
                        t.thresholdSpend() == null ? 0 : t.thresholdSpend(),
                        t.multiplier(),
                        t.minPurchases() == null ? 0 : t.minPurchases(),
                        t.minPoints() == null ? 0 : t.minPoints(),
                        t.qualifyBy() == null ? TierLadderView.QualifyBy.ANY : t.qualifyBy()))
                .toList();
    }
}
