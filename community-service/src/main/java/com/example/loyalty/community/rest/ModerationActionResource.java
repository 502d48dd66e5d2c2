package com.example.loyalty.community.rest;

import com.example.loyalty.common.security.Roles;
import com.example.loyalty.common.web.Problems;
import com.example.loyalty.community.repository.ModerationLog;
import com.example.loyalty.community.service.MemberModeration;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/community/moderation/actions")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Moderation log", description = "Every moderation and designation action: who, what, why, when")
public class ModerationActionResource {

    private final MemberModeration moderation;

    public ModerationActionResource(MemberModeration moderation) {
        this.moderation = moderation;
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            summary = "Moderation actions",
            description = "Newest first, a page at a time (pass `nextCursor` back as `cursor`), optionally only those "
                    + "about one target, given as `TYPE:id`, e.g. `MEMBER:<member id>`.")
    @APIResponse(
            responseCode = "200",
            description = "A page of the moderation log",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ModerationActionPageResponse.class)))
    @APIResponse(responseCode = "400", description = "A target without `TYPE:`, a bad cursor or limit")
    public ModerationActionPageResponse actions(
            @Parameter(description = "Only actions about this target, `TYPE:id`") @QueryParam("target") String target,
            @Parameter(description = "The previous page's nextCursor") @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        String type = null;
        String id = null;
        if (target != null && !target.isBlank()) {
            int colon = target.indexOf(':');
            if (colon <= 0 || colon == target.length() - 1) {
                throw Problems.badRequest(
                        "invalid-target", "Invalid target", "target is TYPE:id, e.g. MEMBER:<member id>");
            }
            type = target.substring(0, colon).trim();
            id = target.substring(colon + 1).trim();
        }
        Long before = null;
        if (cursor != null && !cursor.isBlank()) {
            try {
                before = Long.parseLong(cursor.trim());
            } catch (NumberFormatException e) {
                throw Problems.badRequest(
                        "invalid-cursor", "Invalid cursor", "pass the nextCursor of the previous page, unchanged");
            }
        }
        List<ModerationLog.Entry> page = moderation.actions(type, id, before, limit + 1);
        String next = null;
        if (page.size() > limit) {
            page = page.subList(0, limit);
            next = Long.toString(page.get(limit - 1).id());
        }
        return new ModerationActionPageResponse(
                page.stream().map(ModerationActionResponse::from).toList(), next);
    }
}
