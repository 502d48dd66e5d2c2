package com.example.loyalty.points.rest;

import com.example.loyalty.common.security.Roles;
import com.example.loyalty.messaging.outbox.OutboxAdminResource;
import com.example.loyalty.messaging.outbox.ParkedEvents;
import com.example.loyalty.points.service.OutboxAdminService;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The admin's view of points-service's parked outbox events (see {@link OutboxAdminResource}). The two actions that
 * change something are overridden so that they are audited (OUTBOX_EVENT_RETRIED, OUTBOX_EVENTS_RETRIED) in their own
 * transaction; the listing is inherited as it is.
 */
@Path("/api/points/admin/outbox")
@Produces(MediaType.APPLICATION_JSON) // its overrides take no class annotation of the base: said again here
public class OutboxAdmin extends OutboxAdminResource {

    private final OutboxAdminService service;
    private final SecurityIdentity caller;

    public OutboxAdmin(OutboxAdminService service, SecurityIdentity caller) {
        this.service = service;
        this.caller = caller;
    }

    @Override
    @POST
    @Path("/parked/{id}/retry")
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "retryParkedOutboxEvent",
            summary = "Retry one parked event",
            description = "Puts it back in line; the relay sends it at once. "
                    + "Fix the cause first (e.g. raise the topic's max.message.bytes), or it is parked again. "
                    + "Audited as OUTBOX_EVENT_RETRIED.")
    @APIResponse(responseCode = "200", description = "Back in line; the event as it was while parked")
    @APIResponse(responseCode = "404", description = "No parked event has that id")
    public ParkedEventResponse retry(@PathParam("id") UUID id) {
        ParkedEvents.Parked p = service.retry(id, caller.getPrincipal().getName());
        return new ParkedEventResponse(
                p.id(),
                p.topic(),
                p.key(),
                p.eventType(),
                p.createdAt(),
                p.parkedAt(),
                p.attempts(),
                p.lastError(),
                p.payloadChars());
    }

    @Override
    @POST
    @Path("/parked/retry")
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "retryAllParkedOutboxEvents",
            summary = "Retry every parked event",
            description = "Audited as OUTBOX_EVENTS_RETRIED when it put any back.")
    public RetriedResponse retryAll() {
        return new RetriedResponse(service.retryAll(caller.getPrincipal().getName()));
    }
}
