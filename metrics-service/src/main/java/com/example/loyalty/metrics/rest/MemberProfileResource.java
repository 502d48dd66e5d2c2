package com.example.loyalty.metrics.rest;

import com.example.loyalty.common.security.Roles;
import com.example.loyalty.metrics.domain.MemberIds;
import com.example.loyalty.metrics.service.ProfileService;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/metrics/members")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Member profile", description = "One member's behavioural and attitudinal loyalty in one answer")
public class MemberProfileResource {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String CURRENCY = "^[A-Za-z]{3}$";

    private final ProfileService profiles;
    private final SecurityIdentity identity;

    public MemberProfileResource(ProfileService profiles, SecurityIdentity identity) {
        this.profiles = profiles;
        this.identity = identity;
    }

    @GET
    @Path("/me/profile")
    @RolesAllowed(Roles.MEMBER)
    @Operation(
            summary = "The caller's own profile",
            description = "The member of the token (never one named in the request): their purchase figures as of "
                    + "the last RFM recompute, their last survey answers and their community contributions of the "
                    + "recent window. The scores, segment, quadrant and value the brand computes are left out.")
    @APIResponse(
            responseCode = "200",
            description = "The caller's profile",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = OwnProfileResponse.class)))
    @APIResponse(
            responseCode = "400",
            description = "currency is not valid",
            content = @Content(mediaType = PROBLEM_JSON))
    @APIResponse(
            responseCode = "401",
            description = "No valid bearer token",
            content = @Content(mediaType = PROBLEM_JSON))
    @APIResponse(responseCode = "403", description = "The caller is not a member")
    @APIResponse(
            responseCode = "404",
            description = "No member with this login is known to the metrics (not enrolled, or just enrolled)",
            content = @Content(mediaType = PROBLEM_JSON))
    public OwnProfileResponse mine(
            @Parameter(description = "ISO 4217 currency; default: the program's")
                    @QueryParam("currency")
                    @Pattern(regexp = CURRENCY, message = "must be an ISO 4217 code such as JPY")
                    String currency) {
        return OwnProfileResponse.from(
                profiles.ownProfile(identity.getPrincipal().getName(), currency));
    }

    @GET
    @Path("/{memberId}/profile")
    @RolesAllowed({Roles.MARKETER, Roles.ADMIN})
    @Operation(
            summary = "A member's profile",
            description = "RFM scores and segment (last recompute), loyalty quadrant and its action (computed now), "
                    + "simple lifetime value (all three forms), the probabilistic CLV over 52 weeks (when a model is "
                    + "fitted for the currency), the last 5 survey answers and community engagement (contributions "
                    + "and score over the window, last contribution, whether it makes the member attached).")
    @APIResponse(
            responseCode = "200",
            description = "The member's profile",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = MemberProfileResponse.class)))
    @APIResponse(
            responseCode = "400",
            description = "memberId is not a UUID or currency is not valid",
            content = @Content(mediaType = PROBLEM_JSON))
    @APIResponse(
            responseCode = "401",
            description = "No valid bearer token",
            content = @Content(mediaType = PROBLEM_JSON))
    @APIResponse(responseCode = "403", description = "The caller is neither marketer nor admin")
    @APIResponse(
            responseCode = "404",
            description = "No purchase, answer or community contribution of this member has been recorded",
            content = @Content(mediaType = PROBLEM_JSON))
    public MemberProfileResponse profile(
            @Parameter(description = "Member id (UUID)")
                    @PathParam("memberId")
                    @Pattern(regexp = MemberIds.PATTERN, message = "must be a UUID")
                    String memberId,
            @Parameter(description = "ISO 4217 currency; default: the program's")
                    @QueryParam("currency")
                    @Pattern(regexp = CURRENCY, message = "must be an ISO 4217 code such as JPY")
                    String currency) {
        return MemberProfileResponse.from(profiles.profile(UUID.fromString(memberId), currency));
    }
}
