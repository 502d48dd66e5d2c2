package com.example.loyalty.community.rest;

import com.example.loyalty.community.domain.RegistrationStatus;
import com.example.loyalty.community.service.CommunityEvents;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A member's registration for an event")
public record RegistrationResponse(
        @Schema(description = "The registration's id") UUID id,
        UUID eventId,
        @Schema(description = "SEATED or WAITLISTED") RegistrationStatus status,

        @Schema(description = "Place on the waitlist while waitlisted, from 1 (next to get a seat); absent when seated")
        Long waitlistPosition,

        Instant registeredAt,

        @Schema(description = "When staff checked the member in; absent until then")
        Instant attendedAt) {

    static RegistrationResponse from(UUID eventId, CommunityEvents.MyRegistration r) {
        if (r == null) {
            return null;
        }
        return new RegistrationResponse(
                r.id(), eventId, r.status(), r.waitlistPosition(), r.registeredAt(), r.attendedAt());
    }
}
