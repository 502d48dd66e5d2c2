package com.example.loyalty.community.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A member to designate as a brand ambassador")
public record AmbassadorRequest(
        @Schema(description = "The member's id (points-service member id)") @NotNull
        UUID memberId,

        @Schema(description = "Why; kept in the moderation log") @Size(max = 1000)
        String reason) {}
