package com.example.loyalty.community.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A moderator's action on content, with its reason (kept in the moderation log)")
public record ModerationRequest(
        @Schema(description = "Why (required, at most 500 characters)", examples = "advertising")
        @NotBlank
        @Size(max = 500)
        String reason) {}
