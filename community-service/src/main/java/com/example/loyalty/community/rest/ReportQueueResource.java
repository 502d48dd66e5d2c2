package com.example.loyalty.community.rest;

import com.example.loyalty.common.security.Roles;
import com.example.loyalty.community.service.ReportService;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/community/moderation/reports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Community moderation", description = "Reports, hiding and unhiding of posts and comments")
public class ReportQueueResource {

    private final ReportService reports;

    public ReportQueueResource(ReportService reports) {
        this.reports = reports;
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            summary = "The report queue",
            description = "Reported content, one entry per content (and, once resolved, per resolution): how many"
                    + " reports, by reason, the latest note, first and latest report. OPEN (default): latest report"
                    + " first; HIDDEN or DISMISSED: the resolved ones, latest resolution first. A content's open reports"
                    + " are resolved by hiding it (HIDDEN) or dismissing them (DISMISSED).")
    @APIResponse(responseCode = "200", description = "A page of the queue")
    @APIResponse(responseCode = "400", description = "Unknown status, bad cursor or limit")
    public ReportQueueResponse queue(
            @Parameter(description = "OPEN (default), HIDDEN or DISMISSED") @QueryParam("status") String status,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Entries per page, 1 to 100 (default 20)") @QueryParam("limit") String limit) {
        return ReportQueueResponse.from(reports.queue(status, cursor, limit));
    }

    @POST
    @Path("/{contentId}/dismiss")
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            summary = "Dismiss a content's reports",
            description = "Resolves every open report about the post or comment as DISMISSED; the content stays as it"
                    + " is. Audited in the moderation log (DISMISS_REPORTS).")
    @APIResponse(responseCode = "200", description = "Dismissed")
    @APIResponse(responseCode = "400", description = "reason missing or too long")
    @APIResponse(responseCode = "404", description = "No post or comment with this id")
    @APIResponse(responseCode = "409", description = "No open reports about it")
    public DismissResponse dismiss(@PathParam("contentId") UUID contentId, @Valid @NotNull ModerationRequest request) {
        ReportService.Dismissed d = reports.dismiss(contentId, request.reason().strip());
        return new DismissResponse(d.contentType().name(), d.contentId(), d.dismissed(), d.at());
    }
}
