package com.example.loyalty.points.rest;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A cancellation; the body is optional")
public record MembershipCancelRequest(
        @Schema(description = "Why, for the audit log", examples = "moved abroad") @Size(max = 500)
        String reason) {}
