package com.example.loyalty.messaging.outbox;

import com.example.loyalty.common.security.Roles;
import com.example.loyalty.common.web.Paging;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The admin's view of the service's parked outbox events. Abstract because a path belongs to one service: each
 * publishing service declares {@code @Path("/api/<service>/admin/outbox") class OutboxAdmin extends
 * OutboxAdminResource {}}, so the gateway routes it like the rest of the service's API (the fields are injected so
 * that subclass stays one line).
 */
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Outbox (admin)", description = "Events Kafka refused for good, parked so the ones behind them go on")
public abstract class OutboxAdminResource {

    @Inject
    ParkedEvents parked;

    @Inject
    SecurityIdentity identity;

    @Schema(description = "An event the outbox relay gave up on; its payload is not shown")
    public record ParkedEventResponse(
            UUID id,
            String topic,

            @Schema(description = "The Kafka key (a member id)")
            String key,

            String eventType,
            Instant createdAt,
            Instant parkedAt,

            @Schema(description = "Failed sends that counted")
            int attempts,

            @Schema(description = "Why the last send failed")
            String lastError,

            @Schema(description = "Size of the event's JSON")
            int payloadChars) {

        static ParkedEventResponse from(ParkedEvents.Parked p) {
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
    }

    @Schema(description = "A page of parked events, oldest first")
    public record ParkedPageResponse(List<ParkedEventResponse> items, int page, int size, long total) {}

    @Schema(description = "How many parked events were put back in line")
    public record RetriedResponse(int retried) {}

    @GET
    @Path("/parked")
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "listParkedOutboxEvents",
            summary = "Parked outbox events",
            description = "Events the relay could not send and set aside, "
                    + "oldest first. The gauge loyalty.<service>.outbox.parked counts them.")
    @APIResponse(
            responseCode = "200",
            description = "A page of parked events",
            content = @Content(schema = @Schema(implementation = ParkedPageResponse.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "Not an admin")
    public ParkedPageResponse list(
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        ParkedEvents.ParkedPage p = parked.list(page, size);
        return new ParkedPageResponse(
                p.items().stream().map(ParkedEventResponse::from).toList(), p.page(), p.size(), p.total());
    }

    @POST
    @Path("/parked/{id}/retry")
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "retryParkedOutboxEvent",
            summary = "Retry one parked event",
            description = "Puts it back in line; the relay sends it at once. "
                    + "Fix the cause first (e.g. raise the topic's max.message.bytes), or it is parked again.")
    @APIResponse(
            responseCode = "200",
            description = "Back in line; the event as it was while parked",
            content = @Content(schema = @Schema(implementation = ParkedEventResponse.class)))
    @APIResponse(responseCode = "404", description = "No parked event has that id")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "Not an admin")
    public ParkedEventResponse retry(@PathParam("id") UUID id) {
        return ParkedEventResponse.from(parked.retry(id, identity.getPrincipal().getName()));
    }

    @POST
    @Path("/parked/retry")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "retryAllParkedOutboxEvents", summary = "Retry every parked event")
    @APIResponse(
            responseCode = "200",
            description = "How many were put back in line",
            content = @Content(schema = @Schema(implementation = RetriedResponse.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "Not an admin")
    public RetriedResponse retryAll() {
        return new RetriedResponse(parked.retryAll(identity.getPrincipal().getName()));
    }
}
