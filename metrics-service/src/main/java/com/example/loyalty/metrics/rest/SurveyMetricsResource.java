package com.example.loyalty.metrics.rest;

import com.example.loyalty.common.security.Roles;
import com.example.loyalty.common.web.Problems;
import com.example.loyalty.metrics.domain.Breakdown;
import com.example.loyalty.metrics.domain.Interval;
import com.example.loyalty.metrics.domain.MemberIds;
import com.example.loyalty.metrics.service.SurveyMetricsService;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/metrics/surveys")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(
        name = "Survey metrics",
        description = "Attitudinal loyalty: NPS, continued use, NRS, CSI, CES, DWB per survey, "
                + "with sample size and 95% margin of error, over time and by tier, store, channel and wave")
public class SurveyMetricsResource {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String ISO_DATE = "^\\d{4}-\\d{2}-\\d{2}$";
    /** day, week or month in any case, letter by letter (ECMA-262 has no (?i)). */
    static final String INTERVAL = "^([Dd][Aa][Yy]|[Ww][Ee][Ee][Kk]|[Mm][Oo][Nn][Tt][Hh])$";
    /** tier, store, channel or wave in any case, letter by letter (ECMA-262 has no (?i)). */
    static final String BY = "^([Tt][Ii][Ee][Rr]|[Ss][Tt][Oo][Rr][Ee]|[Cc][Hh][Aa][Nn][Nn][Ee][Ll]|[Ww][Aa][Vv][Ee])$";

    private final SurveyMetricsService metrics;

    public SurveyMetricsResource(SurveyMetricsService metrics) {
        this.metrics = metrics;
    }

    @GET
    @Path("/{surveyId}")
    @RolesAllowed({Roles.MARKETER, Roles.ADMIN})
    @Operation(
            summary = "A survey's metrics",
            description = "Every question's metric with counts per band, n, the 95% margin of error and the "
                    + "reliability flag, from the responses consumed so far (eventually consistent with "
                    + "survey-service). With interval: a time series (default range: the last 30 days, 12 weeks or "
                    + "12 months up to today). With by: one group per tier (as of the answer), store, channel or "
                    + "wave. Both may be combined. Days are calendar days in the configured zone (default "
                    + "Asia/Tokyo). Answers in milliseconds whatever the number of responses: it sums daily "
                    + "aggregates, never responses.")
    @APIResponse(
            responseCode = "200",
            description = "The survey's metrics",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SurveyMetricsResponse.class)))
    @APIResponse(
            responseCode = "400",
            description = "surveyId is not a UUID; interval, by, from or to is not valid; "
                    + "from is after to; the range has more periods than allowed",
            content = @Content(mediaType = PROBLEM_JSON))
    @APIResponse(
            responseCode = "401",
            description = "No valid bearer token",
            content = @Content(mediaType = PROBLEM_JSON))
    @APIResponse(responseCode = "403", description = "The caller is neither marketer nor admin")
    @APIResponse(
            responseCode = "404",
            description = "No response to this survey has been counted (unknown survey, or "
                    + "one whose first responses have not arrived)",
            content = @Content(mediaType = PROBLEM_JSON))
    public SurveyMetricsResponse survey(
            @Parameter(description = "Survey id (UUID)")
                    @PathParam("surveyId")
                    @Pattern(regexp = MemberIds.PATTERN, message = "must be a UUID")
                    String surveyId,
            @Parameter(description = "Time series period: day, week (ISO, Monday first) or month")
                    @QueryParam("interval")
                    @Pattern(regexp = INTERVAL, message = "must be day, week or month")
                    String interval,
            @Parameter(description = "Breakdown: tier (as of the answer), store, channel or wave")
                    @QueryParam("by")
                    @Pattern(regexp = BY, message = "must be tier, store, channel or wave")
                    String by,
            @Parameter(description = "First day counted (ISO date, in the configured zone)", example = "2026-03-01")
                    @QueryParam("from")
                    @Pattern(regexp = ISO_DATE, message = "must be an ISO date (yyyy-MM-dd)")
                    String from,
            @Parameter(description = "Last day counted, included (ISO date)", example = "2026-03-31")
                    @QueryParam("to")
                    @Pattern(regexp = ISO_DATE, message = "must be an ISO date (yyyy-MM-dd)")
                    String to) {
        SurveyMetricsService.Query query = new SurveyMetricsService.Query(
                date("from", from), date("to", to), Interval.parse(interval), Breakdown.parseBy(by));
        return SurveyMetricsResponse.from(metrics.report(UUID.fromString(surveyId), query));
    }

    private static LocalDate date(String name, String value) {
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
