package com.example.loyalty.community.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Why a moderator acts; kept in the moderation log")
public record ReasonRequest(
        @Schema(description = "Why", examples = "spam") @NotBlank @Size(max = 1000)
        String reason) {}
