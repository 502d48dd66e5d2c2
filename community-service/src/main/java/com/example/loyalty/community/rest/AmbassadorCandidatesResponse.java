package com.example.loyalty.community.rest;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Ambassador candidates over a window, best first")
public record AmbassadorCandidatesResponse(
        @Schema(description = "Window start (inclusive)") Instant from,
        @Schema(description = "Window end (exclusive)") Instant to,
        List<AmbassadorCandidateResponse> candidates) {}
