package com.example.loyalty.points.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The member's opt-ins; an omitted (null) flag stays as it is")
public record OptInsRequest(
        @Schema(description = "The newsletter", nullable = true)
        Boolean newsletter,

        @Schema(description = "Marketing e-mail", nullable = true)
        Boolean email,

        @Schema(description = "Push notifications of the app", nullable = true)
        Boolean push) {}
