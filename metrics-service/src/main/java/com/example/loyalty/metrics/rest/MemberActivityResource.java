package com.example.loyalty.metrics.rest;

import com.example.loyalty.common.security.Roles;
import com.example.loyalty.metrics.domain.MemberIds;
import com.example.loyalty.metrics.service.ActivityService;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/metrics/members")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Member activity", description = "Behavioural loyalty per member: purchase frequency, spend, recency")
public class MemberActivityResource {

    private static final String PROBLEM_JSON = "application/problem+json";

    private final ActivityService activities;

    public MemberActivityResource(ActivityService activities) {
        this.activities = activities;
    }

    @GET
    @Path("/{memberId}/activity")
    @RolesAllowed({Roles.MARKETER, Roles.ADMIN})
    @Operation(
            summary = "A member's purchase activity",
            description = "Purchase count, total spend and latest purchase time, from the purchase events "
                    + "consumed so far (eventually consistent with points-service).")
    @APIResponse(
            responseCode = "200",
            description = "The member's activity",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = MemberActivityResponse.class)))
    @APIResponse(
            responseCode = "400",
            description = "memberId is not a UUID",
            content = @Content(mediaType = PROBLEM_JSON))
    @APIResponse(
            responseCode = "401",
            description = "No valid bearer token",
            content = @Content(mediaType = PROBLEM_JSON))
    @APIResponse(responseCode = "403", description = "The caller is neither marketer nor admin")
    @APIResponse(
            responseCode = "404",
            description = "No event about this member has been consumed yet "
                    + "(unknown member, or a new member whose first events have not arrived); not answered with zeros",
            content = @Content(mediaType = PROBLEM_JSON))
    public MemberActivityResponse activity(
            @Parameter(description = "Member id (UUID)")
                    @PathParam("memberId")
                    @Pattern(regexp = MemberIds.PATTERN, message = "must be a UUID")
                    String memberId) {
        return MemberActivityResponse.from(activities.activityOf(MemberIds.parse(memberId)));
    }
}
