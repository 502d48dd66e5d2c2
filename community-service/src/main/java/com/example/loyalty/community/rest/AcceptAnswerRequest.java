package com.example.loyalty.community.rest;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The answer to accept")
public record AcceptAnswerRequest(
        @NotNull @Schema(required = true) UUID commentId) {}
