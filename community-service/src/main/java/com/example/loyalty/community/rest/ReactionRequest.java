package com.example.loyalty.community.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A reaction")
public record ReactionRequest(
        @Schema(
                required = true,
                enumeration = {"LIKE", "HELPFUL", "THANKS"})
        String kind) {}
