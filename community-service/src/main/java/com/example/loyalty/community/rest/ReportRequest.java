package com.example.loyalty.community.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A member's report of a post or comment")
public record ReportRequest(
        @Schema(
                description = "Why: SPAM, ABUSE, OFF_TOPIC, MISINFORMATION or OTHER",
                enumeration = {"SPAM", "ABUSE", "OFF_TOPIC", "MISINFORMATION", "OTHER"},
                examples = "SPAM")
        @NotBlank
        String reason,

        @Schema(description = "What the moderators should know (optional, at most 1000 characters)", nullable = true)
        @Size(max = 1000)
        String note) {}
