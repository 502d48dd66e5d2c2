package com.example.loyalty.metrics.rest;

import static com.example.loyalty.metrics.rest.ChurnResource.CURRENCY;
import static com.example.loyalty.metrics.rest.ChurnResource.ISO_DATE;
import static com.example.loyalty.metrics.rest.ChurnResource.PROBLEM_JSON;

import com.example.loyalty.common.security.Roles;
import com.example.loyalty.metrics.domain.LtvForm;
import com.example.loyalty.metrics.service.LtvService;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/metrics/ltv")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(
        name = "Lifetime value",
        description = "Behavioural loyalty: simple lifetime value per member and per cohort of first purchase")
public class LtvResource {

    /** order-frequency, annual-revenue or historical in any case, letter by letter (ECMA-262 has no (?i)). */
    static final String FORM = "^([Oo][Rr][Dd][Ee][Rr]-[Ff][Rr][Ee][Qq][Uu][Ee][Nn][Cc][Yy]"
            + "|[Aa][Nn][Nn][Uu][Aa][Ll]-[Rr][Ee][Vv][Ee][Nn][Uu][Ee]" + "|[Hh][Ii][Ss][Tt][Oo][Rr][Ii][Cc][Aa][Ll])$";

    static final String DEFINITIONS = "A member's rates are measured over their tenure, the calendar days (configured "
            + "zone, default Asia/Tokyo) from their first purchase in the currency to asOf, both included, "
            + "annualised over at least 30 days so that a new member is not extrapolated × 365: purchases per year = "
            + "purchases × 365 ÷ max(tenure, 30); annual revenue = revenue × 365 ÷ max(tenure, 30); average order "
            + "value = revenue ÷ purchases. Forms: order-frequency = average order value × margin × purchases per "
            + "year × retention years − acquisition cost − retention cost per year × retention years; "
            + "annual-revenue = annual revenue × margin × retention years; historical = average order value × "
            + "purchases (what was spent so far). Measured from the member's own purchases, average order value × "
            + "purchases per year = annual revenue, so order-frequency = annual-revenue − costs. Every purchase "
            + "consumed so far counts, imported history included. Assumptions default to metrics.behaviour.ltv.*; "
            + "the configured costs are amounts of the program's currency (metrics.behaviour.currency) and are 0 for "
            + "any other currency unless given. Amounts are exact (minor units, decimal arithmetic) and rounded "
            + "half up to the currency's minor unit only in the answer. Example: 10,000 JPY a month for 3 years "
            + "(tenure 1095 days, 36 purchases) = 360,000 JPY in every form with margin 1, 3 years, no costs.";

    private final LtvService ltv;

    public LtvResource(LtvService ltv) {
        this.ltv = ltv;
    }

    @GET
    @RolesAllowed({Roles.MARKETER, Roles.ADMIN})
    @Operation(
            summary = "Lifetime value per cohort",
            description = "Members grouped by the month of their first purchase in the currency (a cohort), each with "
                    + "members, purchases, revenue, the mean and total lifetime value of the chosen form, and of every "
                    + "form; 'all' sums every cohort. A cohort's total is the sum of its members' values, its "
                    + "average that total ÷ members. " + DEFINITIONS + " Set-based: the database groups the "
                    + "purchases by member and the members by first purchase day; one row per day is read.")
    @APIResponse(
            responseCode = "200",
            description = "Lifetime value per cohort (no cohorts when there is no purchase in the currency)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = LtvCohortsResponse.class)))
    @APIResponse(
            responseCode = "400",
            description = "currency, form, asOf or an assumption is not valid (margin outside 0–1, retention years "
                    + "not in (0, 100], a negative cost or one with more decimals than the currency has); asOf is "
                    + "after today",
            content = @Content(mediaType = PROBLEM_JSON))
    @APIResponse(
            responseCode = "401",
            description = "No valid bearer token",
            content = @Content(mediaType = PROBLEM_JSON))
    @APIResponse(responseCode = "403", description = "The caller is neither marketer nor admin")
    public LtvCohortsResponse cohorts(
            @Parameter(
                            description = "ISO 4217 currency; default metrics.behaviour.currency. Purchases in other "
                                    + "currencies are not counted (never converted)",
                            example = "JPY")
                    @QueryParam("currency")
                    @Pattern(regexp = CURRENCY, message = "must be an ISO 4217 currency code")
                    String currency,
            @Parameter(
                            description = "Form of averageLtv and totalLtv: order-frequency (default), annual-revenue "
                                    + "or historical")
                    @QueryParam("form")
                    @Pattern(regexp = FORM, message = "must be order-frequency, annual-revenue or historical")
                    String form,
            @Parameter(description = "Last day whose purchases count (ISO date, configured zone); default today")
                    @QueryParam("asOf")
                    @Pattern(regexp = ISO_DATE, message = "must be an ISO date (yyyy-MM-dd)")
                    String asOf,
            @BeanParam @Valid LtvAssumptions assumptions) {
        return LtvCohortsResponse.from(
                ltv.cohorts(currency, LtvForm.parse(form), ChurnResource.date("asOf", asOf), assumptions.overrides()));
    }
}
