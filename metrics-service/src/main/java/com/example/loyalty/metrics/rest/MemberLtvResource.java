package com.example.loyalty.metrics.rest;

import static com.example.loyalty.metrics.rest.ChurnResource.CURRENCY;
import static com.example.loyalty.metrics.rest.ChurnResource.ISO_DATE;
import static com.example.loyalty.metrics.rest.ChurnResource.PROBLEM_JSON;

import com.example.loyalty.common.security.Roles;
import com.example.loyalty.metrics.domain.MemberIds;
import com.example.loyalty.metrics.service.LtvService;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A member's lifetime value; under /api/metrics/members beside the member's activity. */
@Path("/api/metrics/members")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Lifetime value")
public class MemberLtvResource {

    private final LtvService ltv;

    public MemberLtvResource(LtvService ltv) {
        this.ltv = ltv;
    }

    @GET
    @Path("/{memberId}/ltv")
    @RolesAllowed({Roles.MARKETER, Roles.ADMIN})
    @Operation(
            summary = "A member's lifetime value",
            description = "The three forms for one member with their inputs (purchases, revenue, average order "
                    + "value, tenure, purchases per year, annual revenue). " + LtvResource.DEFINITIONS)
    @APIResponse(
            responseCode = "200",
            description = "The member's lifetime value",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = MemberLtvResponse.class)))
    @APIResponse(
            responseCode = "400",
            description = "memberId is not a UUID; currency, asOf or an assumption is not valid; asOf is after today",
            content = @Content(mediaType = PROBLEM_JSON))
    @APIResponse(
            responseCode = "401",
            description = "No valid bearer token",
            content = @Content(mediaType = PROBLEM_JSON))
    @APIResponse(responseCode = "403", description = "The caller is neither marketer nor admin")
    @APIResponse(
            responseCode = "404",
            description = "No purchase of the member in the currency up to asOf has been consumed (unknown member, "
                    + "one who bought only in other currencies, or whose purchases have not arrived)",
            content = @Content(mediaType = PROBLEM_JSON))
    public MemberLtvResponse memberLtv(
            @Parameter(description = "Member id (UUID)")
                    @PathParam("memberId")
                    @Pattern(regexp = MemberIds.PATTERN, message = "must be a UUID")
                    String memberId,
            @Parameter(description = "ISO 4217 currency; default metrics.behaviour.currency", example = "JPY")
                    @QueryParam("currency")
                    @Pattern(regexp = CURRENCY, message = "must be an ISO 4217 currency code")
                    String currency,
            @Parameter(description = "Last day whose purchases count (ISO date, configured zone); default today")
                    @QueryParam("asOf")
                    @Pattern(regexp = ISO_DATE, message = "must be an ISO date (yyyy-MM-dd)")
                    String asOf,
            @BeanParam @Valid LtvAssumptions assumptions) {
        return MemberLtvResponse.from(ltv.memberLtv(
                MemberIds.parse(memberId), currency, ChurnResource.date("asOf", asOf), assumptions.overrides()));
    }
}
