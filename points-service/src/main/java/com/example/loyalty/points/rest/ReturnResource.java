package com.example.loyalty.points.rest;

import com.example.loyalty.common.security.Roles;
import com.example.loyalty.points.service.ReturnService;
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

@Path("/api/points/returns")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Returns", description = "Purchases brought back; their points go back")
public class ReturnResource {

    private final ReturnService returns;
    private final SecurityIdentity identity;
    private final StoreAccess stores;

    public ReturnResource(ReturnService returns, SecurityIdentity identity, StoreAccess stores) {
        this.stores = stores;
        this.returns = returns;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(
            summary = "Record a return",
            description = "Takes back the points of the returned part of the purchase (found by storeId and "
                    + "transactionId): after each return the purchase has reversed floor(earned * returned / amount) "
                    + "points in all, so a full return takes back exactly what it earned. The purchase's own points "
                    + "go first, then the member's other points; what is spent already becomes the member's debt. "
                    + "The same returnId at the store again answers the first result (200, replayed=true).")
    @APIResponse(
            responseCode = "201",
            description = "Recorded",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReturnResponse.class)))
    @APIResponse(
            responseCode = "200",
            description = "Replay of an earlier request",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReturnResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid: neither or both of amount and items, a field missing")
    @APIResponse(responseCode = "404", description = "No such purchase at the store")
    @APIResponse(responseCode = "409", description = "The returnId was used at the store for another return")
    @APIResponse(
            responseCode = "422",
            description = "More than was bought would be returned, or the return is before the purchase or in the "
                    + "future")
    public Response record(@Valid @NotNull ReturnRequest request) {
        // staff take returns only at the store their token names (the purchase's store); admins at any
        stores.requireMayRecordAt(identity, request.storeId());
        var result = returns.record(
                new ReturnService.ReturnCommand(
                        request.returnId(),
                        request.transactionId(),
                        request.storeId(),
                        request.amount(),
                        request.items() == null
                                ? null
                                : request.items().stream()
                                        .map(i -> new ReturnService.Item(i.sku(), i.quantity(), i.amount()))
                                        .toList(),
                        request.occurredAt()),
                identity.getPrincipal().getName());
        return Response.status(result.replayed() ? Response.Status.OK : Response.Status.CREATED)
                .entity(ReturnResponse.from(result))
                .build();
    }

    /**
     * Where the check goes that staff record returns only at their own store (the store claim of their token; admins
     * anywhere): issue 11 adds it for purchases and returns alike. Nothing is checked yet.
     */
}
