package com.example.loyalty.points.rest;

import com.example.loyalty.common.security.Roles;
import com.example.loyalty.points.service.PurchaseService;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/points/purchases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Purchases", description = "Purchases recorded at the till; they earn points")
public class PurchaseResource {

    private final PurchaseService purchases;
    private final SecurityIdentity identity;

    public PurchaseResource(PurchaseService purchases, SecurityIdentity identity) {
        this.purchases = purchases;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(
            summary = "Record a purchase",
            description = "Earns one base point per points.earn.rates.<currency> minor units (1 point per 100 JPY by "
                    + "default) times the tier multiplier, rounded down; a currency without an earn rate is refused (422). "
                    + "The same transactionId again returns the first result (200, replayed=true) and earns nothing.")
    @APIResponse(responseCode = "201", description = "Recorded")
    @APIResponse(responseCode = "200", description = "Replay of an earlier request")
    @APIResponse(responseCode = "404", description = "Unknown card")
    @APIResponse(responseCode = "409", description = "Transaction id used before for a different purchase")
    @APIResponse(responseCode = "422", description = "A currency without an earn rate, or a purchase in the future")
    public Response record(@Valid @NotNull PurchaseRequest request) {
        var result = purchases.record(
                new PurchaseService.PurchaseCommand(
                        request.transactionId(),
                        request.cardCode(),
                        request.amount(),
                        request.currency(),
                        request.storeId(),
                        request.channel().name(),
                        request.occurredAt()),
                identity.getPrincipal().getName());
        return Response.status(result.replayed() ? Response.Status.OK : Response.Status.CREATED)
                .entity(PurchaseResponse.from(result))
                .build();
    }
}
