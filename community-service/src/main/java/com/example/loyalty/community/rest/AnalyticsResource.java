package com.example.loyalty.community.rest;

import com.example.loyalty.common.security.Roles;
import com.example.loyalty.community.service.AnalyticsService;
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

@Path("/api/community/analytics")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Community analytics", description = "The community's activity, for the brand")
public class AnalyticsResource {

    private final AnalyticsService analytics;

    public AnalyticsResource(AnalyticsService analytics) {
        this.analytics = analytics;
    }

    @GET
    @RolesAllowed({Roles.MARKETER, Roles.ADMIN})
    @Operation(
            summary = "Community analytics",
            description = "Activity over a window of Asia/Tokyo days (from and to inclusive; default the 30 days up to"
                    + " today; at most 366 days), for the whole community or one space. Only visible content counts:"
                    + " hidden and deleted posts and comments, and reactions and views on them, are left out."
                    + " Views are unique viewers per content and UTC day. Active members posted, commented or reacted"
                    + " in the window. Questions are those asked in the window; answered = with a visible answer"
                    + " (at any time), answeredShare = answered / asked (null when none were asked); median hours"
                    + " from the question to its first visible answer and to the acceptance of a visible answer (null"
                    + " when none). Top contributors: the sum of the weights of their contributions in the window"
                    + " that are not revoked. Top lists hold 10 entries, unanswered questions the 20 waiting longest.")
    @APIResponse(responseCode = "200", description = "The analytics")
    @APIResponse(responseCode = "400", description = "A malformed day or space id, from after to, or over 366 days")
    @APIResponse(responseCode = "404", description = "No such space")
    public AnalyticsResponse analytics(
            @Parameter(description = "First day (YYYY-MM-DD, Asia/Tokyo)") @QueryParam("from") String from,
            @Parameter(description = "Last day, inclusive (YYYY-MM-DD, Asia/Tokyo)") @QueryParam("to") String to,
            @Parameter(description = "Only this space") @QueryParam("space") String space) {
        return AnalyticsResponse.from(analytics.report(from, to, space));
    }
}
