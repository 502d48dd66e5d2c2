package com.example.loyalty.points.rest;

import com.example.loyalty.common.security.Roles;
import com.example.loyalty.points.service.Reconciliation;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/points/reconciliation")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Reconciliation (admin)", description = "Is every point accounted for?")
public class ReconciliationResource {

    private final Reconciliation reconciliation;

    public ReconciliationResource(Reconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            summary = "Check the accounting invariants",
            description = "Runs, on one read-only snapshot of the database: every balance equals its ledger sum and "
                    + "what is left of its lots; no lot is below zero or above its points; what debits took from a "
                    + "lot never exceeds it and accounts for all it lost; each debit took from lots what it took off "
                    + "the balance; debt only at a zero balance; nothing negative. ok=false lists the violations "
                    + "(at most 100 per invariant). Reads every member and lot: run it off-peak on a large program.")
    @APIResponse(responseCode = "200", description = "The result, ok or not")
    public ReconciliationResponse check() {
        return ReconciliationResponse.from(reconciliation.run());
    }
}
