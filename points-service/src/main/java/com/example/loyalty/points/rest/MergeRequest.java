package com.example.loyalty.points.rest;

import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The member to merge into the member of the path: exactly one of mergedMemberId or cardCode")
public record MergeRequest(
        @Schema(description = "Id of the member to merge (the one that stops existing on its own)")
        UUID mergedMemberId,

        @Schema(description = "Card code of the member to merge, instead of its id") @Size(max = 32)
        String cardCode,

        @Schema(description = "Why, for the audit log (no personal data: the audit log is never erased)")
        @Size(max = 500)
        String reason) {}
