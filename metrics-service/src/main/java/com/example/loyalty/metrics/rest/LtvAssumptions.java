package com.example.loyalty.metrics.rest;

import com.example.loyalty.metrics.service.LtvService;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The LTV assumptions a request may override (each absent one comes from {@code metrics.behaviour.ltv.*}). */
public class LtvAssumptions {

    static final String DECIMAL_0_1 = "^\\d{1,3}(\\.\\d{1,6})?$";
    static final String YEARS = "^\\d{1,3}(\\.\\d{1,4})?$";
    static final String AMOUNT = "^\\d{1,13}(\\.\\d{1,4})?$";

    @Parameter(description = "Gross margin 0–1; default metrics.behaviour.ltv.margin", example = "0.3")
    @QueryParam("margin")
    @Pattern(regexp = DECIMAL_0_1, message = "must be a decimal from 0 to 1")
    public String margin;

    @Parameter(
            description = "Expected years of retention, more than 0 and at most 100; default "
                    + "metrics.behaviour.ltv.retention-years",
            example = "3")
    @QueryParam("retentionYears")
    @Pattern(regexp = YEARS, message = "must be a number of years, more than 0 and at most 100")
    public String retentionYears;

    @Parameter(
            description = "Cost to acquire a member, in the currency's major units (e.g. 12.50 USD)",
            example = "5000")
    @QueryParam("acquisitionCost")
    @Pattern(regexp = AMOUNT, message = "must be a non-negative amount of the currency")
    public String acquisitionCost;

    @Parameter(description = "Cost to retain a member for a year, in the currency's major units", example = "1000")
    @QueryParam("retentionCostPerYear")
    @Pattern(regexp = AMOUNT, message = "must be a non-negative amount of the currency")
    public String retentionCostPerYear;

    LtvService.Overrides overrides() {
        return new LtvService.Overrides(
                decimal(margin), decimal(retentionYears), decimal(acquisitionCost), decimal(retentionCostPerYear));
    }

    /** A value its @Pattern has checked. */
    private static BigDecimal decimal(String value) {
        return value == null ? null : new BigDecimal(value);
    }
}
