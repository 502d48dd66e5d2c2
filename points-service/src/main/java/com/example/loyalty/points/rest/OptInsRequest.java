package com.example.loyalty.points.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The member's opt-ins; an omitted (null) flag stays as it is")
public record OptInsRequest(
        @Schema(description = "The newsletter") Boolean newsletter,
        @Schema(description = "Marketing e-mail") Boolean email,

        @Schema(description = "Push notifications of the app")
        Boolean push) {}
