package com.example.loyalty.points.rest;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Why (optional), kept in the audit log")
public record RetireRequest(
        @Schema(description = "Why") @Size(max = 500) String reason) {}
