package com.example.loyalty.community.rest;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A member checked in at an event")
public record AttendanceRequest(
        @Schema(description = "The member's id (points-service member id)") @NotNull
        UUID memberId) {}
