package com.example.loyalty.metrics.rest;

import com.example.loyalty.metrics.domain.LtvForm;
import com.example.loyalty.metrics.domain.LtvMath;
import com.example.loyalty.metrics.domain.LtvMember;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        description = "A member's simple lifetime value in one currency, with its inputs. Amounts are in the "
                + "currency's major units, rounded half up to its minor unit (JPY: whole yen, USD: cents); they are "
                + "computed unrounded")
public record MemberLtvResponse(
        @Schema(description = "Member id") UUID memberId,

        @Schema(description = "ISO 4217 currency of every amount", examples = "JPY")
        String currency,

        @Schema(description = "The zone whose calendar days purchases fall on", examples = "Asia/Tokyo")
        String zone,

        @Schema(description = "Last day whose purchases count; the tenure ends on it")
        LocalDate asOf,

        @Schema(description = "Day of the member's first purchase in the currency")
        LocalDate firstPurchaseDay,

        @Schema(description = "Day of the latest purchase up to asOf")
        LocalDate lastPurchaseDay,

        @Schema(description = "Purchases up to asOf (imported history included)")
        long purchases,

        @Schema(description = "Sum of those purchases") BigDecimal revenue,

        @Schema(description = "Days from firstPurchaseDay to asOf, both included")
        long tenureDays,

        @Schema(description = "revenue ÷ purchases") BigDecimal averageOrderValue,

        @Schema(description = "purchases × 365 ÷ max(tenureDays, 30), two decimals")
        BigDecimal purchasesPerYear,

        @Schema(description = "revenue × 365 ÷ max(tenureDays, 30)")
        BigDecimal annualRevenue,

        @Schema(description = "The assumptions used") LtvParametersResponse parameters,

        @Schema(description = "The member's lifetime value in each form")
        FormsResponse ltv) {

    @Schema(description = "A lifetime value per form")
    public record FormsResponse(
            @Schema(
                    description = "averageOrderValue × margin × purchasesPerYear × retentionYears − acquisitionCost "
                            + "− retentionCostPerYear × retentionYears (equal to annualRevenue form minus the "
                            + "costs, as averageOrderValue × purchasesPerYear = annualRevenue)")
            BigDecimal orderFrequency,

            @Schema(description = "annualRevenue × margin × retentionYears")
            BigDecimal annualRevenue,

            @Schema(description = "averageOrderValue × purchases (= revenue)")
            BigDecimal historical) {}

    static MemberLtvResponse from(LtvMember m) {
        Currency c = m.currency();
        return new MemberLtvResponse(
                m.memberId(),
                c.getCurrencyCode(),
                m.zone().getId(),
                m.asOf(),
                m.firstPurchaseDay(),
                m.lastPurchaseDay(),
                m.purchases(),
                LtvMath.toMajor(m.revenue(), c),
                m.tenureDays(),
                LtvMath.toMajor(m.averageOrderValue(), c),
                LtvMath.rate(m.purchasesPerYear()),
                LtvMath.toMajor(m.annualRevenue(), c),
                LtvParametersResponse.from(m.parameters(), c),
                new FormsResponse(
                        LtvMath.toMajor(m.values().get(LtvForm.ORDER_FREQUENCY), c),
                        LtvMath.toMajor(m.values().get(LtvForm.ANNUAL_REVENUE), c),
                        LtvMath.toMajor(m.values().get(LtvForm.HISTORICAL), c)));
    }
}
