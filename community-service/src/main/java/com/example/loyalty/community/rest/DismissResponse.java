package com.example.loyalty.community.rest;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A content's open reports, dismissed")
public record DismissResponse(
        @Schema(description = "POST or COMMENT") String contentType,
        UUID contentId,

        @Schema(description = "How many open reports were dismissed")
        int dismissed,

        Instant at) {}
