package com.example.loyalty.metrics.rest;

import com.example.loyalty.common.security.Roles;
import com.example.loyalty.common.web.Problems;
import com.example.loyalty.metrics.domain.MemberIds;
import com.example.loyalty.metrics.service.ClvService;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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

/** A member's lifetime value (its own root path so that it sits beside the other member resources). */
@Path("/api/metrics/members/{memberId}/clv")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Lifetime value")
public class MemberClvResource {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String ISO_DATE = "^\\d{4}-\\d{2}-\\d{2}$";

    private final ClvService clv;

    public MemberClvResource(ClvService clv) {
        this.clv = clv;
    }

    @GET
    @RolesAllowed({Roles.MARKETER, Roles.ADMIN})
    @Operation(
            summary = "A member's probabilistic lifetime value",
            description = "Under the currency's fitted model (POST /api/metrics/clv/fit), from the member's purchases "
                    + "in the currency up to asOf (T measured to asOf): P(alive), the expected purchase occasions in "
                    + "the horizon (BG/NBD conditional expectation), the expected spend per occasion (Gamma-Gamma "
                    + "conditional expectation) and the discounted CLV = margin × expected spend × Σ_k (E[Y(k)] − "
                    + "E[Y(k−1)]) / (1 + annual discount rate)^(k/52.18) over the horizon's weeks k.")
    @APIResponse(
            responseCode = "200",
            description = "The member's lifetime value",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = MemberClvResponse.class)))
    @APIResponse(
            responseCode = "400",
            description = "memberId is not a UUID; horizonWeeks out of 1–" + ClvService.MAX_HORIZON_WEEKS
                    + "; currency or asOf malformed; asOf after today",
            content = @Content(mediaType = PROBLEM_JSON))
    @APIResponse(
            responseCode = "401",
            description = "No valid bearer token",
            content = @Content(mediaType = PROBLEM_JSON))
    @APIResponse(responseCode = "403", description = "The caller is neither marketer nor admin")
    @APIResponse(
            responseCode = "404",
            description = "No model fitted for the currency (no-clv-model), or no purchase of the member in it up to "
                    + "asOf (no-purchases)",
            content = @Content(mediaType = PROBLEM_JSON))
    public MemberClvResponse memberClv(
            @Parameter(description = "Member id (UUID)")
                    @PathParam("memberId")
                    @Pattern(regexp = MemberIds.PATTERN, message = "must be a UUID")
                    String memberId,
            @Parameter(description = "Horizon in weeks", example = "52")
                    @QueryParam("horizonWeeks")
                    @DefaultValue("52")
                    @Pattern(regexp = "^\\d{1,9}$", message = "must be a whole number of weeks")
                    String horizonWeeks,
            @Parameter(
                            description = "ISO 4217 currency (default: the program's, metrics.behaviour.currency)",
                            example = "USD")
                    @QueryParam("currency")
                    @Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 4217 code such as USD")
                    String currency,
            @Parameter(
                            description = "Day to measure T to, in the behaviour zone (default: today)",
                            example = "1997-09-30")
                    @QueryParam("asOf")
                    @Pattern(regexp = ISO_DATE, message = "must be an ISO date (yyyy-MM-dd)")
                    String asOf) {
        return MemberClvResponse.from(
                clv.memberClv(MemberIds.parse(memberId), currency, Integer.parseInt(horizonWeeks), date(asOf)));
    }

    private static LocalDate date(String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw Problems.badRequest("invalid-date", "Bad request", "asOf is not a calendar date: " + value);
        }
    }
}
