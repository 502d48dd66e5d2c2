package com.example.loyalty.metrics.rest;

import com.example.loyalty.common.security.Roles;
import com.example.loyalty.common.web.Problems;
import com.example.loyalty.metrics.domain.ChurnInterval;
import com.example.loyalty.metrics.service.ChurnService;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/metrics/churn")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Churn", description = "Behavioural loyalty: members who stopped buying, per month or quarter")
public class ChurnResource {

    static final String PROBLEM_JSON = "application/problem+json";
    static final String ISO_DATE = "^\\d{4}-\\d{2}-\\d{2}$";
    static final String CURRENCY = "^[A-Za-z]{3}$";
    /** month or quarter in any case, letter by letter (ECMA-262 has no (?i)). */
    static final String INTERVAL = "^([Mm][Oo][Nn][Tt][Hh]|[Qq][Uu][Aa][Rr][Tt][Ee][Rr])$";

    private final ChurnService churn;

    public ChurnResource(ChurnService churn) {
        this.churn = churn;
    }

    @GET
    @RolesAllowed({Roles.MARKETER, Roles.ADMIN})
    @Operation(
            summary = "Churn rate per period",
            description = "For each month or quarter of the range, from every purchase in the currency consumed so "
                    + "far (imported history included; eventually consistent with points-service), with W the "
                    + "inactivity window in days and days calendar days in the configured zone (default Asia/Tokyo): "
                    + "a member is active at the start of a day if they made a purchase on one of the W days before "
                    + "it. activeAtStart = members active at the start of the period's first day; stopped = those of "
                    + "them not active at the end of its last day (no purchase on the W days up to and including "
                    + "it), so a member who lapses during the period but buys again within W days of its end has "
                    + "not stopped, and members whose first purchase falls in the period are not counted; churn rate "
                    + "= stopped ÷ activeAtStart × 100, absent when no one was active. Cancelled paid "
                    + "memberships, the product's other kind of churn, are counted apart: GET "
                    + "/api/metrics/churn/paid-memberships. Default range: the last 12 months or 4 quarters up to today (the current period "
                    + "cut at today, so partial). One set-based statement: the counts per period come out of the "
                    + "database, not the purchases.")
    @APIResponse(
            responseCode = "200",
            description = "Churn per period",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ChurnResponse.class)))
    @APIResponse(
            responseCode = "400",
            description = "interval, from, to, currency or inactivityDays is not valid; from is after to; to is "
                    + "after today; the range has more than 120 periods",
            content = @Content(mediaType = PROBLEM_JSON))
    @APIResponse(
            responseCode = "401",
            description = "No valid bearer token",
            content = @Content(mediaType = PROBLEM_JSON))
    @APIResponse(responseCode = "403", description = "The caller is neither marketer nor admin")
    public ChurnResponse churn(
            @Parameter(description = "Period length: month (default) or quarter (January, April, July, October)")
                    @QueryParam("interval")
                    @Pattern(regexp = INTERVAL, message = "must be month or quarter")
                    String interval,
            @Parameter(
                            description = "First day of the range (ISO date, in the configured zone); default: the "
                                    + "first day of the 12th month or 4th quarter back from 'to'",
                            example = "2026-01-01")
                    @QueryParam("from")
                    @Pattern(regexp = ISO_DATE, message = "must be an ISO date (yyyy-MM-dd)")
                    String from,
            @Parameter(
                            description = "Last day of the range, included, not after today (ISO date); default today",
                            example = "2026-06-30")
                    @QueryParam("to")
                    @Pattern(regexp = ISO_DATE, message = "must be an ISO date (yyyy-MM-dd)")
                    String to,
            @Parameter(
                            description = "ISO 4217 currency whose purchases count; default metrics.behaviour.currency",
                            example = "JPY")
                    @QueryParam("currency")
                    @Pattern(regexp = CURRENCY, message = "must be an ISO 4217 currency code")
                    String currency,
            @Parameter(
                            description = "Inactivity window W in days, 1–3650; default "
                                    + "metrics.behaviour.inactivity-days (180)",
                            example = "180")
                    @QueryParam("inactivityDays")
                    @Pattern(regexp = "^\\d{1,4}$", message = "must be a whole number of days from 1 to 3650")
                    String inactivityDays) {
        return ChurnResponse.from(churn.report(new ChurnService.Query(
                ChurnInterval.parse(interval),
                date("from", from),
                date("to", to),
                currency,
                inactivityDays == null ? null : Integer.valueOf(inactivityDays))));
    }

    @GET
    @Path("/paid-memberships")
    @RolesAllowed({Roles.MARKETER, Roles.ADMIN})
    @Operation(
            summary = "Paid-membership churn per period",
            description = "For each month or quarter of the range, from points-service's MembershipChanged events: "
                    + "payingAtStart = members whose paid membership covered the first instant of the period (days "
                    + "in the configured zone); stopped = those of them whose membership no longer covers its end "
                    + "(the day after its last day, or now for the current period): their paid period ended without "
                    + "a renewal, cancelled or not renewed; stoppedAfterCancelling = those of the stopped who had "
                    + "cancelled; cancellations = cancellations recorded in the period (a cancelled membership stays "
                    + "paid to its period end, so it stops in a later period). churnRate = stopped ÷ payingAtStart "
                    + "× 100, two decimals, absent when no one paid at the start.")
    @APIResponse(responseCode = "200", description = "Paid-membership churn per period")
    @APIResponse(
            responseCode = "400",
            description = "interval, from or to is not valid; from is after to; to is after today; more than 120 "
                    + "periods",
            content = @Content(mediaType = PROBLEM_JSON))
    @APIResponse(responseCode = "403", description = "The caller is neither marketer nor admin")
    public PaidChurnResponse paidMemberships(
            @Parameter(description = "Period length: month (default) or quarter")
                    @QueryParam("interval")
                    @Pattern(regexp = INTERVAL, message = "must be month or quarter")
                    String interval,
            @Parameter(description = "First day of the range (ISO date); default 12 months or 4 quarters back")
                    @QueryParam("from")
                    @Pattern(regexp = ISO_DATE, message = "must be an ISO date (yyyy-MM-dd)")
                    String from,
            @Parameter(description = "Last day of the range, included, not after today; default today")
                    @QueryParam("to")
                    @Pattern(regexp = ISO_DATE, message = "must be an ISO date (yyyy-MM-dd)")
                    String to) {
        return PaidChurnResponse.from(
                churn.paidMemberships(ChurnInterval.parse(interval), date("from", from), date("to", to)));
    }

    static LocalDate date(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw Problems.badRequest("invalid-date", "Bad request", name + " is not a calendar date: " + value);
        }
    }
}
