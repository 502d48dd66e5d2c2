package com.example.loyalty.community.rest;

import com.example.loyalty.community.domain.CommunityEvent;
import com.example.loyalty.community.service.CommunityEvents;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A community event with its seats taken and its waitlist")
public record EventResponse(
        UUID id,
        String title,
        String description,
        Instant startsAt,
        Instant endsAt,
        @Schema(description = "Seats") int capacity,
        @Schema(description = "Where; absent when not said") EventLocation location,
        @Schema(description = "When registration opens") Instant registrationOpensAt,

        @Schema(description = "When registration closes (exclusive)")
        Instant registrationClosesAt,

        @Schema(description = "Seats taken (never more than capacity)")
        long registered,

        @Schema(description = "Members waiting for a seat") long waitlisted,
        @Schema(description = "Seats free") long seatsLeft,

        @Schema(description = "The calling member's registration; absent when they have none (or are not a member)")
        RegistrationResponse myRegistration) {

    static EventResponse from(CommunityEvents.EventView view) {
        CommunityEvent e = view.event();
        return new EventResponse(
                e.id,
                e.title,
                e.description,
                e.startsAt,
                e.endsAt,
                e.capacity,
                EventLocation.of(e),
                e.registrationOpens(),
                e.registrationCloses(),
                view.counts().seated(),
                view.counts().waitlisted(),
                Math.max(0, e.capacity - view.counts().seated()),
                RegistrationResponse.from(e.id, view.mine()));
    }
}
