package com.example.loyalty.community.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Reactions by kind")
public record ReactionCounts(
        @Schema(name = "LIKE") int LIKE,
        @Schema(name = "HELPFUL") int HELPFUL,
        @Schema(name = "THANKS") int THANKS) {}
