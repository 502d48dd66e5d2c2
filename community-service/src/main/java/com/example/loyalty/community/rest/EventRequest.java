package com.example.loyalty.community.rest;

import com.example.loyalty.community.service.CommunityEvents;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A new community event")
public record EventRequest(
        @Schema(description = "Title", examples = "Coffee tasting with our roasters") @NotBlank @Size(max = 200)
        String title,

        @Schema(description = "What it is about") @Size(max = 5000)
        String description,

        @Schema(description = "When it starts; in the future") @NotNull
        Instant startsAt,

        @Schema(description = "When it ends; after startsAt")
        Instant endsAt,

        @Schema(description = "Seats; registrations beyond them go to the waitlist", examples = "20") @NotNull @Positive
        Integer capacity,

        @Schema(description = "Where: online, or in a store; may be left out") @Valid
        EventLocation location,

        @Schema(description = "When registration opens; by default when the event is created")
        Instant registrationOpensAt,

        @Schema(
                description =
                        "When registration closes; by default when the event starts, at the latest when it is over")
        Instant registrationClosesAt) {

    CommunityEvents.NewEvent toInput() {
        return new CommunityEvents.NewEvent(
                title,
                description,
                startsAt,
                endsAt,
                capacity,
                location != null && Boolean.TRUE.equals(location.online()),
                location == null
                                || location.storeId() == null
                                || location.storeId().isBlank()
                        ? null
                        : location.storeId().trim(),
                registrationOpensAt,
                registrationClosesAt);
    }
}
