package com.example.loyalty.points.rest;

import com.example.loyalty.common.security.Roles;
import com.example.loyalty.common.web.Problems;
import com.example.loyalty.points.service.TierEvaluations;
import com.example.loyalty.points.service.TierPreview;
import com.example.loyalty.points.service.TierService;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/points/tiers")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Tiers", description = "The rank tier ladder")
public class TierResource {

    private final TierService tiers;
    private final TierPreview preview;
    private final TierEvaluations evaluations;
    private final SecurityIdentity identity;

    public TierResource(
            TierService tiers, TierPreview preview, TierEvaluations evaluations, SecurityIdentity identity) {
        this.tiers = tiers;
        this.preview = preview;
        this.evaluations = evaluations;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Roles.MEMBER, Roles.STAFF, Roles.MARKETER, Roles.ADMIN})
    @Operation(summary = "The tier ladder")
    public TierLadderDto ladder() {
        return TierLadderDto.from(tiers.ladder());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MARKETER, Roles.ADMIN})
    @Operation(
            summary = "Replace the tier ladder",
            description = "Tiers lowest first; the first has no threshold, every tier above it at least one, and "
                    + "thresholds increase. Starts a re-evaluation of every member (evaluationId in the answer; "
                    + "progress at GET /api/points/tiers/evaluations/{id}): upgrades at once, downgrades by the grace "
                    + "rules. docs/tiers.md")
    @APIResponse(responseCode = "200", description = "The ladder now, with the evaluation it started")
    @APIResponse(responseCode = "409", description = "A tier that members hold would be removed")
    @APIResponse(responseCode = "422", description = "The ladder breaks a rule")
    public TierLadderDto replace(@Valid @NotNull TierLadderDto ladder) {
        TierService.Replaced replaced =
                tiers.replace(ladder.definition(), identity.getPrincipal().getName());
        return TierLadderDto.from(replaced.ladder(), replaced.evaluationId());
    }

    @POST
    @Path("/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MARKETER, Roles.ADMIN})
    @Operation(
            summary = "Preview a draft ladder on the real members",
            description = "Takes the body PUT takes; changes nothing. How many members would land in each tier (where "
                    + "the ladder settles: upgrades at once, downgrades after the grace period), how many move up and "
                    + "down, and the earning cost of the period's spend under the draft's multipliers against the "
                    + "current ones. docs/tiers.md")
    @APIResponse(responseCode = "200", description = "The preview")
    @APIResponse(responseCode = "422", description = "The ladder breaks a rule")
    public TierPreview.Result previewLadder(@Valid @NotNull TierLadderDto ladder) {
        return preview.preview(ladder.definition());
    }

    @POST
    @Path("/evaluations")
    @RolesAllowed({Roles.MARKETER, Roles.ADMIN})
    @Operation(
            summary = "Evaluate every member's tier now",
            description = "Starts a batch evaluation (as the schedule does) unless one is running, which is then the "
                    + "one answered. Progress at GET /api/points/tiers/evaluations/{id}.")
    @APIResponse(
            responseCode = "202",
            description = "Started, or running already: {id, started}",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TierEvaluations.Started.class)))
    public Response startEvaluation() {
        TierEvaluations.Started started =
                evaluations.startManually(identity.getPrincipal().getName());
        return Response.accepted(started).build();
    }

    @GET
    @Path("/evaluations/{id}")
    @RolesAllowed({Roles.MARKETER, Roles.ADMIN})
    @Operation(summary = "Progress of a tier evaluation")
    @APIResponse(responseCode = "200", description = "The evaluation")
    @APIResponse(responseCode = "404", description = "No such evaluation")
    public TierEvaluationResponse evaluationProgress(@PathParam("id") String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw unknownEvaluation(id);
        }
        return evaluations.find(uuid).map(TierEvaluationResponse::of).orElseThrow(() -> unknownEvaluation(id));
    }

    private static RuntimeException unknownEvaluation(String id) {
        return Problems.notFound("unknown-evaluation", "Unknown evaluation", "no tier evaluation " + id);
    }
}
