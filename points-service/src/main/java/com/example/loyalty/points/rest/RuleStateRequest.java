package com.example.loyalty.points.rest;

import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "When a pause, resume or end takes effect, and why")
public record RuleStateRequest(
        @Schema(description = "Now when absent; never in the past")
        Instant effectiveAt,

        @Schema(description = "Why, for the audit log") @Size(max = 500)
        String reason) {}
