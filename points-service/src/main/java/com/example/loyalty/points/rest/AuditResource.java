package com.example.loyalty.points.rest;

import com.example.loyalty.common.security.Roles;
import com.example.loyalty.points.service.AuditLog;
import com.example.loyalty.points.service.AuditQuery;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/points/audit")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(
        name = "Audit log",
        description = "Every change marketers and admins make in points-service: who, when, what, "
                + "on what, the values before and after, why")
public class AuditResource {

    private final AuditLog audit;

    public AuditResource(AuditLog audit) {
        this.audit = audit;
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            summary = "The audit log",
            description = "Newest first, a page at a time: pass nextCursor back as cursor (entries recorded meanwhile "
                    + "never repeat or shift a page). Every filter is optional and exact; from and to are ISO-8601 "
                    + "instants (from inclusive, to exclusive). The log is append-only: the database refuses to "
                    + "change or delete an entry.")
    @APIResponse(responseCode = "200", description = "A page of entries")
    @APIResponse(
            responseCode = "400",
            description = "A malformed instant, from after to, an unknown action, a bad cursor, a size outside "
                    + "1-200, a filter too long")
    public AuditPageResponse entries(
            @Parameter(description = "Only changes by this token subject") @QueryParam("actor") String actor,
            @Parameter(description = "Only changes to the target with this id (e.g. a member id)") @QueryParam("target")
                    String target,
            @Parameter(description = "Only changes to targets of this type: MEMBER, TIER_LADDER, IMPORT, …")
                    @QueryParam("targetType")
                    String targetType,
            @Parameter(description = "Only this action, e.g. POINTS_ADJUSTED") @QueryParam("action") String action,
            @Parameter(description = "Recorded at or after this instant, e.g. 2026-01-02T03:04:05Z") @QueryParam("from")
                    String from,
            @Parameter(description = "Recorded before this instant") @QueryParam("to") String to,
            @Parameter(description = "The previous page's nextCursor") @QueryParam("cursor") String cursor,
            @Parameter(description = "Entries per page, 1-200 (default 50)") @QueryParam("size") String size) {
        return AuditPageResponse.from(
                audit.search(AuditQuery.parse(actor, target, targetType, action, from, to, cursor, size)));
    }
}
