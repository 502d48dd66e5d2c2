package com.example.loyalty.points.rest;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The card design the member chooses")
public record ChooseCardDesignRequest(
        @Schema(description = "Id of an active design of GET /api/points/card-designs") @NotNull
        UUID designId) {}
