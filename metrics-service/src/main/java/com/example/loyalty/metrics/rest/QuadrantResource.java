package com.example.loyalty.metrics.rest;

import com.example.loyalty.common.security.Roles;
import com.example.loyalty.common.web.Problems;
import com.example.loyalty.metrics.domain.Quadrant;
import com.example.loyalty.metrics.service.QuadrantService;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/metrics/quadrants")
@Authenticated
@Tag(
        name = "Loyalty quadrant",
        description = "Every member placed by what they say and show (latest NPS or continued-use answer: promoters "
                + "high, detractors low, passives as configured; community engagement: attached from a contribution "
                + "score over a recent window, 20 over 90 days by default, high unless the answer is a detractor's) "
                + "against what they do (RFM: high from an R+F+M sum, 10 by default), with the action for each "
                + "quadrant; members whose attitude is neither said nor shown are a fifth group, to be asked")
public class QuadrantResource {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String CSV = "text/csv";
    private static final String CURRENCY = "^[A-Za-z]{3}$";

    private final QuadrantService quadrants;

    public QuadrantResource(QuadrantService quadrants) {
        this.quadrants = quadrants;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MARKETER, Roles.ADMIN})
    @Operation(
            summary = "Members per quadrant, with the action for each",
            description = "Computed when asked from the members' latest answers, their community contributions "
                    + "of the window and their latest RFM scores (see POST /api/metrics/rfm/recompute), so an answer "
                    + "or a contribution counts as soon as it is consumed, and a revoked contribution stops counting. "
                    + "A member with an answer or contributions but no scored purchase is behaviourally low; one with "
                    + "scored purchases but neither an answer nor attaching engagement is in the unknown group.")
    @APIResponse(
            responseCode = "200",
            description = "The five groups",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = QuadrantsResponse.class)))
    @APIResponse(
            responseCode = "400",
            description = "currency is not an ISO 4217 code",
            content = @Content(mediaType = PROBLEM_JSON))
    @APIResponse(
            responseCode = "401",
            description = "No valid bearer token",
            content = @Content(mediaType = PROBLEM_JSON))
    @APIResponse(responseCode = "403", description = "The caller is neither marketer nor admin")
    public QuadrantsResponse counts(
            @Parameter(description = "ISO 4217 currency of the RFM scores; default: the program's")
                    @QueryParam("currency")
                    @Pattern(regexp = CURRENCY, message = "must be an ISO 4217 code such as JPY")
                    String currency) {
        return QuadrantsResponse.from(quadrants.counts(currency));
    }

    @GET
    @Path("/{name}/members")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @RolesAllowed({Roles.MARKETER, Roles.ADMIN})
    @Operation(
            operationId = "quadrantMembers",
            summary = "The members of a quadrant",
            description = "JSON: one page, by member id. With Accept: text/csv: every member of the quadrant as CSV "
                    + "(header memberId,quadrant,action,attitudeType,attitudeScore,answeredAt,recencyScore,"
                    + "frequencyScore,monetaryScore,segment,attitudeBasis,communityContributions,communityScore), "
                    + "streamed from the database whatever the number; "
                    + "page and size are then ignored.")
    @APIResponse(
            responseCode = "200",
            description = "The members",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = QuadrantMemberPageResponse.class)),
                @Content(mediaType = CSV)
            })
    @APIResponse(
            responseCode = "400",
            description = "currency, page or size is not valid",
            content = @Content(mediaType = PROBLEM_JSON))
    @APIResponse(
            responseCode = "401",
            description = "No valid bearer token",
            content = @Content(mediaType = PROBLEM_JSON))
    @APIResponse(responseCode = "403", description = "The caller is neither marketer nor admin")
    @APIResponse(
            responseCode = "404",
            description = "No quadrant of that name (keep-and-reward, latent-fan, temporary-fan, fix-experience, "
                    + "unknown)",
            content = @Content(mediaType = PROBLEM_JSON))
    public Response members(
            @Parameter(description = "Quadrant: keep-and-reward, latent-fan, temporary-fan, fix-experience or unknown")
                    @PathParam("name")
                    String name,
            @Parameter(description = "ISO 4217 currency of the RFM scores; default: the program's")
                    @QueryParam("currency")
                    @Pattern(regexp = CURRENCY, message = "must be an ISO 4217 code such as JPY")
                    String currency,
            @Parameter(description = "Page index, from 0")
                    @QueryParam("page")
                    @DefaultValue("0")
                    @Pattern(regexp = "^\\d{1,6}$", message = "must be a whole number from 0 to 999999")
                    String page,
            @Parameter(description = "Members per page, 1–1000")
                    @QueryParam("size")
                    @DefaultValue("100")
                    @Pattern(regexp = "^\\d{1,4}$", message = "must be a whole number from 1 to 1000")
                    String size,
            @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        Quadrant quadrant;
        try {
            quadrant = Quadrant.parse(name);
        } catch (IllegalArgumentException e) {
            throw Problems.notFound("unknown-quadrant", "Not found", e.getMessage());
        }
        if (accept != null && accept.toLowerCase(java.util.Locale.ROOT).startsWith(CSV)) {
            StreamingOutput body = out -> quadrants.writeCsv(quadrant, currency, out);
            return Response.ok(body, CSV + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"quadrant-" + quadrant.pathName() + ".csv\"")
                    .build();
        }
        int pageSize = Integer.parseInt(size);
        if (pageSize < 1 || pageSize > 1000) {
            throw Problems.badRequest("invalid-page", "Bad request", "size must be from 1 to 1000, was " + size);
        }
        return Response.ok(
                        QuadrantMemberPageResponse.from(
                                quadrants.members(quadrant, currency, Integer.parseInt(page), pageSize)),
                        MediaType.APPLICATION_JSON)
                .build();
    }
}
