package com.example.loyalty.points.rest;

import com.example.loyalty.common.web.Problems;
import com.example.loyalty.points.service.MembershipWebhook;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The payment provider's webhook. {@code @PermitAll}: no bearer token; the signature over the raw body is the
 * authentication ({@link MembershipWebhook#verify}), checked before the body is even parsed.
 */
@Path("/api/points/memberships/webhook")
@Tag(name = "Paid membership", description = "Fee-based tiers: plans, members' memberships, the payment webhook")
public class MembershipWebhookResource {

    /** Largest body accepted. */
    static final int MAX_BYTES = 64 * 1024;

    private final MembershipWebhook webhook;
    private final ObjectMapper json;
    private final Validator validator;

    public MembershipWebhookResource(MembershipWebhook webhook, ObjectMapper json, Validator validator) {
        this.webhook = webhook;
        this.json = json;
        this.validator = validator;
    }

    @Schema(description = "A webhook event of the payment provider")
    public record WebhookEvent(
            @Schema(description = "The event's id: unique; a delivery of an id seen before changes nothing")
            @NotBlank
            @Size(max = 128)
            String id,

            @Schema(enumeration = {"membership.started", "membership.renewed", "membership.cancelled"})
            @NotBlank
            @Pattern(
                    regexp = "membership\\.(started|renewed|cancelled)",
                    message = "must be membership.started, membership.renewed or membership.cancelled")
            String type,

            @Schema(description = "The member; or cardCode") UUID memberId,

            @Schema(description = "The member's card; or memberId") @Size(max = 32)
            String cardCode,

            @Schema(description = "The plan's code (started; optional for renewed)") @Size(max = 32)
            String plan,

            @Schema(description = "The payment (started, renewed)") @Size(max = 128)
            String paymentId,

            @Schema(description = "End of the paid period (started, renewed); default one period")
            Instant periodEnd,

            @Schema(description = "When it happened at the provider")
            Instant occurredAt,

            @Schema(description = "Why (cancelled)") @Size(max = 500)
            String reason) {}

    @Schema(description = "What a delivery did")
    public record WebhookResponse(
            String eventId,

            @Schema(description = "true: the event id was seen before, nothing changed")
            boolean replayed,

            @Schema(description = "The membership after the event; null for a replay")
            com.example.loyalty.points.service.PaidMemberships.MembershipView membership) {}

    @POST
    @PermitAll
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = WebhookEvent.class)))
    @Operation(
            summary = "The payment provider's membership events",
            description = "Signed: header Loyalty-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of \"<t>.<raw "
                    + "body>\" with the shared secret points.memberships.webhook-secret>. A missing or wrong "
                    + "signature, or a timestamp more than points.memberships.webhook-tolerance (5 min) from now, is a "
                    + "401. membership.started / renewed / cancelled do what the staff endpoints do, by memberId or "
                    + "cardCode. An event id seen before answers 200 with replayed true and changes nothing.")
    @APIResponse(responseCode = "200", description = "Applied, or a replay")
    @APIResponse(responseCode = "400", description = "Not a valid event")
    @APIResponse(responseCode = "401", description = "Signature missing, wrong or stale")
    @APIResponse(responseCode = "404", description = "The member has no membership to renew or cancel")
    @APIResponse(responseCode = "409", description = "A membership is running, or the payment id paid for another")
    @APIResponse(responseCode = "422", description = "Unknown member, card or plan; a bad period end")
    public WebhookResponse receiveMembershipWebhook(
            @HeaderParam(MembershipWebhook.SIGNATURE_HEADER) String signature, byte[] body) throws IOException {
        if (body == null || body.length > MAX_BYTES) {
            throw Problems.badRequest(
                    "invalid-webhook-event",
                    "Invalid webhook event",
                    "the body is empty or above " + MAX_BYTES + " bytes");
        }
        webhook.verify(signature, body, Instant.now());
        WebhookEvent event = json.readValue(body, WebhookEvent.class);
        if (event == null) {
            throw Problems.badRequest("invalid-webhook-event", "Invalid webhook event", "the body is empty");
        }
        var violations = validator.validate(event);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        var outcome = webhook.apply(new MembershipWebhook.Event(
                event.id(),
                event.type(),
                event.memberId(),
                event.cardCode(),
                event.plan(),
                event.paymentId(),
                event.periodEnd(),
                event.occurredAt(),
                event.reason()));
        return new WebhookResponse(outcome.eventId(), outcome.replayed(), outcome.membership());
    }
}
