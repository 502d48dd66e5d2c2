package com.example.loyalty.points.rest;

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
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The tier ladder, lowest tier first")
public record TierLadderDto(
        @Schema(description = "Rolling qualification window in months") @NotNull @Min(1) @Max(60)
        Integer windowMonths,

        @Schema(description = "Read-only: bumped on every change")
        Long version,

        @NotEmpty @Size(max = 20) List<@Valid @NotNull TierDto> tiers) {

    @Schema(description = "One tier")
    public record TierDto(
            @Schema(examples = "SILVER")
            @NotBlank
            @Pattern(regexp = "[A-Z][A-Z0-9_]{0,31}", message = "must be 1-32 upper-case letters, digits or _")
            String code,

            @Schema(examples = "Silver") @NotBlank @Size(max = 64)
            String name,

            @Schema(description = "Spend (JPY) in the window that qualifies") @NotNull @PositiveOrZero
            Long thresholdSpend,

            @Schema(description = "Earning multiplier", examples = "1.25")
            @NotNull
            @DecimalMin(value = "0", inclusive = false)
            BigDecimal multiplier) {}

    public static TierLadderDto from(TierLadderView view) {
        return new TierLadderDto(
                view.windowMonths(),
                view.version(),
                view.steps().stream()
                        .map(s -> new TierDto(s.code(), s.name(), s.thresholdSpend(), s.multiplier()))
                        .toList());
    }

    public List<TierService.TierDefinition> definitions() {
        return tiers.stream()
                .map(t -> new TierService.TierDefinition(t.code(), t.name(), t.thresholdSpend(), t.multiplier()))
                .toList();
    }
}
