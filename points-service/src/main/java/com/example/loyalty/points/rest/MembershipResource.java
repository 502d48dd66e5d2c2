package com.example.loyalty.points.rest;

import com.example.loyalty.common.security.Roles;
import com.example.loyalty.common.web.Problems;
import com.example.loyalty.points.service.PaidMemberships;
import com.example.loyalty.points.service.PaidMemberships.MembershipView;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A member's paid membership: staff and admins record its start, renewals and cancellation; members see theirs. */
@Path("/api/points/members")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Paid membership", description = "Fee-based tiers: plans, members' memberships, the payment webhook")
public class MembershipResource {

    private final PaidMemberships memberships;
    private final SecurityIdentity identity;
    private final ObjectMapper json;
    private final Validator validator;

    public MembershipResource(
            PaidMemberships memberships, SecurityIdentity identity, ObjectMapper json, Validator validator) {
        this.memberships = memberships;
        this.identity = identity;
        this.json = json;
        this.validator = validator;
    }

    @GET
    @Path("/me/membership")
    @RolesAllowed(Roles.MEMBER)
    @Operation(
            summary = "The caller's paid membership",
            description = "Status (ACTIVE, CANCELLED: paid to the period end, LAPSED), the plan with its multiplier "
                    + "and perks, when it started and the paid period.")
    @APIResponse(responseCode = "200", description = "The membership")
    @APIResponse(responseCode = "404", description = "Not enrolled, or no paid membership")
    public MembershipView myMembership() {
        return memberships.viewOfSubject(identity.getPrincipal().getName());
    }

    @GET
    @Path("/{memberId}/membership")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "A member's paid membership")
    @APIResponse(responseCode = "200", description = "The membership")
    @APIResponse(responseCode = "404", description = "No such member, or no paid membership")
    public MembershipView membershipOf(@PathParam("memberId") UUID memberId) {
        return memberships.view(memberId);
    }

    @POST
    @Path("/{memberId}/membership/start")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(
            summary = "Start a paid membership",
            description = "On the plan, paid by the payment: a new membership, or a restart of a lapsed one. The "
                    + "payment id is unique: the same call again answers 200 with replayed true. Publishes "
                    + "MembershipChanged STARTED; audited (MEMBERSHIP_CHANGED).")
    @APIResponse(
            responseCode = "201",
            description = "Started",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = MembershipView.class)))
    @APIResponse(
            responseCode = "200",
            description = "A replay (the payment id was recorded for this start)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = MembershipView.class)))
    @APIResponse(responseCode = "400", description = "plan or paymentId missing or malformed")
    @APIResponse(responseCode = "404", description = "No such member")
    @APIResponse(
            responseCode = "409",
            description = "A membership is running (renew it), or the payment id paid for something else")
    @APIResponse(responseCode = "422", description = "Unknown or retired plan; periodEnd not after now or too far")
    public Response startMembership(
            @PathParam("memberId") UUID memberId, @Valid @NotNull MembershipPaymentRequest request) {
        if (request.plan() == null || request.plan().isBlank()) {
            throw Problems.badRequest("invalid-membership", "Invalid membership", "plan is required to start");
        }
        MembershipView view = memberships.start(memberId, payment(request), actor());
        return Response.status(view.replayed() ? Response.Status.OK : Response.Status.CREATED)
                .entity(view)
                .build();
    }

    @POST
    @Path("/{memberId}/membership/renew")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(
            summary = "Renew a paid membership",
            description = "One more period: a running membership continues from its period end (a cancelled one is "
                    + "no longer cancelled); a lapsed one restarts now. plan omitted keeps the current plan. The "
                    + "payment id is unique: the same call again answers with replayed true. Publishes "
                    + "MembershipChanged RENEWED (after LAPSED, if the lapse was not announced yet); audited.")
    @APIResponse(responseCode = "200", description = "Renewed (or a replay: replayed true)")
    @APIResponse(responseCode = "400", description = "paymentId missing or malformed")
    @APIResponse(responseCode = "404", description = "No such member, or no membership to renew (start one)")
    @APIResponse(responseCode = "409", description = "The payment id paid for something else")
    @APIResponse(responseCode = "422", description = "Unknown or retired plan; periodEnd does not extend the period")
    public MembershipView renewMembership(
            @PathParam("memberId") UUID memberId, @Valid @NotNull MembershipPaymentRequest request) {
        return memberships.renew(memberId, payment(request), actor());
    }

    @POST
    @Path("/{memberId}/membership/cancel")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @RequestBody(
            required = false,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = MembershipCancelRequest.class)))
    @Operation(
            summary = "Cancel a paid membership",
            description = "It stays paid, with its multiplier and perks, to the end of the period, then lapses. "
                    + "Cancelling a cancelled membership answers it with replayed true. Publishes MembershipChanged "
                    + "CANCELLED; audited with the reason.")
    @APIResponse(responseCode = "200", description = "Cancelled (or cancelled before: replayed true)")
    @APIResponse(responseCode = "404", description = "No such member, or no membership")
    @APIResponse(responseCode = "409", description = "The membership lapsed already")
    public MembershipView cancelMembership(@PathParam("memberId") UUID memberId, String rawBody)
            throws JsonProcessingException {
        MembershipCancelRequest body =
                rawBody == null || rawBody.isBlank() ? null : json.readValue(rawBody, MembershipCancelRequest.class);
        if (body != null) {
            var violations = validator.validate(body);
            if (!violations.isEmpty()) {
                throw new ConstraintViolationException(violations);
            }
        }
        return memberships.cancel(memberId, body == null ? null : body.reason(), actor());
    }

    private static PaidMemberships.Payment payment(MembershipPaymentRequest r) {
        return new PaidMemberships.Payment(
                r.plan() == null || r.plan().isBlank() ? null : r.plan().strip(), r.paymentId(), r.periodEnd());
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
