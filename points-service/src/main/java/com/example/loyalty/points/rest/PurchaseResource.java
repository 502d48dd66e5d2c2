package com.example.loyalty.points.rest;

import com.example.loyalty.common.security.Roles;
import com.example.loyalty.points.service.PurchaseService;
import com.example.loyalty.points.service.StoreAccess;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/points/purchases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Purchases", description = "Purchases recorded at the till; they earn points")
public class PurchaseResource {

    private final PurchaseService purchases;
    private final StoreAccess stores;
    private final SecurityIdentity identity;

    public PurchaseResource(PurchaseService purchases, StoreAccess stores, SecurityIdentity identity) {
        this.purchases = purchases;
        this.stores = stores;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(
            summary = "Record a purchase",
            description = "Earns one base point per points.earn.rates.<currency> minor units (1 point per 100 JPY by "
                    + "default) times the tier multiplier, rounded down; a currency without an earn rate is refused (422). "
                    + "A transaction id is unique per store: the same storeId and transactionId again return the first "
                    + "result (200, replayed=true) and earn nothing. Staff record only at the store their login names "
                    + "(token claim store_id), admins at any; nobody records on their own card. An amount above "
                    + "points.purchases.max-amount.<currency> needs an admin: staff get 422 amount-above-ceiling, an "
                    + "admin's recording is the approval (audit log). occurredAt may lie at most "
                    + "points.purchases.max-age (90 days) back. The earning rules in force at occurredAt apply "
                    + "(docs/earning-rules.md); the answer lists the rule versions the purchase earned by.")
    @APIResponse(
            responseCode = "201",
            description = "Recorded",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PurchaseResponse.class)))
    @APIResponse(
            responseCode = "200",
            description = "Replay of an earlier request",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PurchaseResponse.class)))
    @APIResponse(responseCode = "400", description = "Malformed or invalid body (also an unreadable occurredAt)")
    @APIResponse(
            responseCode = "403",
            description = "wrong-store: staff of another store; store-not-assigned: a staff login without a store; "
                    + "own-card: the card is the caller's own")
    @APIResponse(responseCode = "404", description = "Unknown card")
    @APIResponse(
            responseCode = "409",
            description = "Transaction id used at this store before for a different purchase")
    @APIResponse(
            responseCode = "422",
            description = "unsupported-currency; purchase-in-future; purchase-too-old (older than "
                    + "points.purchases.max-age, or before points.purchases.earliest); amount-above-ceiling (staff: "
                    + "an admin must record it); invalid-items (more items than allowed, or adding up to more than "
                    + "the amount)")
    public Response record(@Valid @NotNull PurchaseRequest request) {
        stores.requireMayRecordAt(identity, request.storeId());
        var result = purchases.record(
                new PurchaseService.PurchaseCommand(
                        request.transactionId(),
                        request.cardCode(),
                        request.amount(),
                        request.currency(),
                        request.storeId(),
                        request.channel().name(),
                        request.occurredAt(),
                        request.engineItems()),
                PurchaseService.Recorder.of(identity));
        return Response.status(result.replayed() ? Response.Status.OK : Response.Status.CREATED)
                .entity(PurchaseResponse.from(result))
                .build();
    }
}
