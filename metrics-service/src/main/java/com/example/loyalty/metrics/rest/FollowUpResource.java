package com.example.loyalty.metrics.rest;

import com.example.loyalty.common.security.Roles;
import com.example.loyalty.common.web.Problems;
import com.example.loyalty.metrics.domain.FollowUpKind;
import com.example.loyalty.metrics.domain.FollowUpStatus;
import com.example.loyalty.metrics.domain.MemberIds;
import com.example.loyalty.metrics.service.FollowUpService;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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

@Path("/api/metrics/follow-ups")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(
        name = "Follow-up queue",
        description = "Every detractor, at-risk and high-effort answer, for marketers to "
                + "follow up: open → contacted → resolved")
public class FollowUpResource {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String MERGE_PATCH_JSON = "application/merge-patch+json";
    /** detractor, at_risk or high_effort in any case, letter by letter (ECMA-262 has no (?i)). */
    static final String KIND = "^([Dd][Ee][Tt][Rr][Aa][Cc][Tt][Oo][Rr]" + "|[Aa][Tt]_[Rr][Ii][Ss][Kk]"
            + "|[Hh][Ii][Gg][Hh]_[Ee][Ff][Ff][Oo][Rr][Tt])$";

    private final FollowUpService followUps;

    public FollowUpResource(FollowUpService followUps) {
        this.followUps = followUps;
    }

    @GET
    @RolesAllowed({Roles.MARKETER, Roles.ADMIN})
    @Operation(
            summary = "The follow-up queue",
            description = "Items matching every filter given, newest first " + "(by opening time), one page at a time.")
    @APIResponse(
            responseCode = "200",
            description = "One page of items",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = FollowUpPageResponse.class)))
    @APIResponse(
            responseCode = "400",
            description = "A filter or paging value is not valid",
            content = @Content(mediaType = PROBLEM_JSON))
    @APIResponse(
            responseCode = "401",
            description = "No valid bearer token",
            content = @Content(mediaType = PROBLEM_JSON))
    @APIResponse(responseCode = "403", description = "The caller is neither marketer nor admin")
    public FollowUpPageResponse list(
            @Parameter(description = "open, contacted or resolved (case-insensitive)")
                    @QueryParam("status")
                    @Pattern(regexp = FollowUpPatchRequest.STATUS, message = "must be open, contacted or resolved")
                    String status,
            @Parameter(description = "Only items of this survey (UUID)")
                    @QueryParam("surveyId")
                    @Pattern(regexp = MemberIds.PATTERN, message = "must be a UUID")
                    String surveyId,
            @Parameter(description = "detractor, at_risk or high_effort (case-insensitive)")
                    @QueryParam("kind")
                    @Pattern(regexp = KIND, message = "must be detractor, at_risk or high_effort")
                    String kind,
            @Parameter(description = "Only items about this store") @QueryParam("storeId") @Size(max = 200)
                    String storeId,
            @Parameter(description = "Only items assigned to this person") @QueryParam("assignee") @Size(max = 200)
                    String assignee,
            @Parameter(description = "Page index, from 0")
                    @QueryParam("page")
                    @DefaultValue("0")
                    @Pattern(regexp = "^\\d{1,6}$", message = "must be a whole number from 0 to 999999")
                    String page,
            @Parameter(description = "Items per page, 1–100")
                    @QueryParam("size")
                    @DefaultValue("20")
                    @Pattern(regexp = "^\\d{1,3}$", message = "must be a whole number from 1 to 100")
                    String size) {
        int pageSize = Integer.parseInt(size);
        if (pageSize < 1 || pageSize > 100) {
            throw Problems.badRequest("invalid-page", "Bad request", "size must be from 1 to 100, was " + size);
        }
        FollowUpService.Criteria criteria = new FollowUpService.Criteria(
                FollowUpStatus.parse(status),
                surveyId == null ? null : UUID.fromString(surveyId),
                FollowUpKind.parse(kind),
                storeId,
                assignee);
        return FollowUpPageResponse.from(followUps.list(criteria, Integer.parseInt(page), pageSize));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.MARKETER, Roles.ADMIN})
    @Operation(summary = "One follow-up item")
    @APIResponse(
            responseCode = "200",
            description = "The item",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = FollowUpResponse.class)))
    @APIResponse(responseCode = "400", description = "id is not a UUID", content = @Content(mediaType = PROBLEM_JSON))
    @APIResponse(
            responseCode = "401",
            description = "No valid bearer token",
            content = @Content(mediaType = PROBLEM_JSON))
    @APIResponse(responseCode = "403", description = "The caller is neither marketer nor admin")
    @APIResponse(responseCode = "404", description = "No such item", content = @Content(mediaType = PROBLEM_JSON))
    public FollowUpResponse get(
            @Parameter(description = "Item id (UUID)")
                    @PathParam("id")
                    @Pattern(regexp = MemberIds.PATTERN, message = "must be a UUID")
                    String id) {
        return FollowUpResponse.from(followUps.get(UUID.fromString(id)));
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH_JSON})
    @RolesAllowed({Roles.MARKETER, Roles.ADMIN})
    @Operation(
            summary = "Work a follow-up item",
            description = "Moves the item to another status and/or sets its note and assignee. Allowed moves: open → "
                    + "contacted, open → resolved, contacted → resolved (staying open or contacted is allowed); a "
                    + "resolved item cannot change. The item of a member who asked to be forgotten (erasedAt) takes "
                    + "no note.")
    @APIResponse(
            responseCode = "200",
            description = "The item after the change",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = FollowUpResponse.class)))
    @APIResponse(
            responseCode = "400",
            description = "id is not a UUID; the body is empty or not valid",
            content = @Content(mediaType = PROBLEM_JSON))
    @APIResponse(
            responseCode = "401",
            description = "No valid bearer token",
            content = @Content(mediaType = PROBLEM_JSON))
    @APIResponse(responseCode = "403", description = "The caller is neither marketer nor admin")
    @APIResponse(responseCode = "404", description = "No such item", content = @Content(mediaType = PROBLEM_JSON))
    @APIResponse(
            responseCode = "409",
            description = "The status cannot move that way (e.g. out of resolved, or back to open), or a note is "
                    + "written about a member who asked to be forgotten; nothing changed",
            content = @Content(mediaType = PROBLEM_JSON))
    public FollowUpResponse update(
            @Parameter(description = "Item id (UUID)")
                    @PathParam("id")
                    @Pattern(regexp = MemberIds.PATTERN, message = "must be a UUID")
                    String id,
            @NotNull(message = "a body is required") @Valid FollowUpPatchRequest request) {
        if (request.changesNothing()) {
            throw Problems.badRequest("empty-change", "Bad request", "give at least one of status, note, assignee");
        }
        return FollowUpResponse.from(followUps.update(
                UUID.fromString(id), FollowUpStatus.parse(request.status()), request.note(), request.assignee()));
    }
}
