package com.example.loyalty.points.rest;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Optional: why the member is erased, for the audit log")
public record ErasureRequest(
        @Schema(
                description =
                        "Why (e.g. the member's request and its date); no personal data: the audit log is never erased")
        @Size(max = 500)
        String reason) {}
