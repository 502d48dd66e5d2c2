package com.example.loyalty.points.rest;

import com.example.loyalty.points.service.MembershipPlanService;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A paid-membership plan as a marketer describes it")
public record MembershipPlanRequest(
        @Schema(description = "Unique code (case ignored, stored upper case); never changes", examples = "PREMIUM")
        @NotBlank
        @Size(max = 32)
        @Pattern(regexp = "[A-Za-z0-9_-]+", message = "letters, digits, _ and - only")
        String code,

        @Schema(description = "Name shown to members", examples = "Premium") @NotBlank @Size(max = 100)
        String name,

        @Schema(description = "Price per period, in minor units of the currency (JPY: yen)", examples = "980")
        @NotNull
        @Positive
        @Max(1_000_000_000_000L)
        Long price,

        @Schema(description = "ISO 4217 currency of the price", examples = "JPY")
        @NotNull
        @Pattern(regexp = "[A-Za-z]{3}", message = "must be an ISO 4217 currency code")
        String currency,

        @Schema(
                description = "The paid period",
                enumeration = {"MONTH", "YEAR"})
        @NotNull
        @Pattern(regexp = "^([Mm][Oo][Nn][Tt][Hh]|[Yy][Ee][Aa][Rr])$", message = "must be MONTH or YEAR")
        String period,

        @Schema(
                description = "Earning multiplier while paid: above 0, at most 10, 3 decimals at most",
                examples = "1.5")
        @NotNull
        @DecimalMin(value = "0", inclusive = false)
        @DecimalMax("10")
        @Digits(integer = 2, fraction = 3)
        BigDecimal multiplier,

        @Schema(description = "The perks, as members read them") @Size(max = 20)
        List<@NotBlank @Size(max = 200) String> perks,

        @Schema(description = "false retires the plan (no new members), true brings it back; omitted: unchanged")
        Boolean active) {

    MembershipPlanService.Definition definition() {
        return new MembershipPlanService.Definition(code, name, price, currency, period, multiplier, perks, active);
    }
}
