package com.example.loyalty.community.rest;

import com.example.loyalty.common.security.Roles;
import com.example.loyalty.community.service.MemberModeration;
import com.example.loyalty.community.service.MemberProfiles;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/community/members")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Community members", description = "Profiles (score, rank, badges, contributions) and bans")
public class CommunityMemberResource {

    private final MemberProfiles profiles;
    private final MemberModeration moderation;

    public CommunityMemberResource(MemberProfiles profiles, MemberModeration moderation) {
        this.profiles = profiles;
        this.moderation = moderation;
    }

    @GET
    @Path("/me")
    @RolesAllowed(Roles.MEMBER)
    @Operation(
            summary = "My community profile",
            description = "Score, rank and the next one, badges, ambassador and ban state, the latest contributions.")
    @APIResponse(responseCode = "200", description = "The caller's profile")
    @APIResponse(
            responseCode = "409",
            description = "The member's enrolment has not reached the community yet (`membership-pending`)")
    public MemberProfileResponse myProfile() {
        return MemberProfileResponse.from(profiles.mine());
    }

    @GET
    @Path("/me/contributions")
    @RolesAllowed(Roles.MEMBER)
    @Operation(
            summary = "My contributions",
            description = "Newest first, revoked ones included (marked), a page at a time: pass `nextCursor` back "
                    + "as `cursor`.")
    @APIResponse(
            responseCode = "200",
            description = "A page of the caller's contributions",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ContributionPageResponse.class)))
    @APIResponse(responseCode = "400", description = "A cursor that is not one of ours, or a bad limit")
    @APIResponse(responseCode = "409", description = "The member's enrolment has not reached the community yet")
    public ContributionPageResponse myContributions(
            @QueryParam("cursor") String cursor, @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        return ContributionPageResponse.from(profiles.myHistory(cursor, limit));
    }

    @GET
    @Path("/{memberId}")
    @RolesAllowed({Roles.MARKETER, Roles.ADMIN})
    @Operation(summary = "A member's community profile", description = "The same profile a member sees of themselves.")
    @APIResponse(
            responseCode = "200",
            description = "The member's profile",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = MemberProfileResponse.class)))
    @APIResponse(responseCode = "404", description = "The community knows no such member")
    public MemberProfileResponse memberProfile(@PathParam("memberId") UUID memberId) {
        return MemberProfileResponse.from(profiles.of(memberId));
    }

    @POST
    @Path("/{memberId}/ban")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            summary = "Ban a member",
            description = "The member may still read but no longer post, comment, react or register for events (403 "
                    + "`banned`); an ambassadorship ends. Audited in the moderation log.")
    @APIResponse(responseCode = "200", description = "Banned")
    @APIResponse(responseCode = "400", description = "No reason")
    @APIResponse(responseCode = "404", description = "The community knows no such member")
    @APIResponse(responseCode = "409", description = "Banned already")
    public BanResponse ban(@PathParam("memberId") UUID memberId, @NotNull @Valid ReasonRequest request) {
        return BanResponse.from(moderation.ban(memberId, request.reason()));
    }

    @POST
    @Path("/{memberId}/unban")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Lift a member's ban", description = "Audited in the moderation log.")
    @APIResponse(responseCode = "200", description = "No longer banned")
    @APIResponse(responseCode = "400", description = "No reason")
    @APIResponse(responseCode = "404", description = "The community knows no such member")
    @APIResponse(responseCode = "409", description = "Not banned")
    public BanResponse unban(@PathParam("memberId") UUID memberId, @NotNull @Valid ReasonRequest request) {
        return BanResponse.from(moderation.unban(memberId, request.reason()));
    }
}
