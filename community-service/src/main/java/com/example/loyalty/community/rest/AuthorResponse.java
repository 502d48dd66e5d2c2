package com.example.loyalty.community.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Who wrote it, as the community shows them")
public record AuthorResponse(
        @Schema(description = "The member's display name; null for the brand or a member whose name is not known")
        String displayName,

        @Schema(description = "Written by the brand (a marketer or admin), e.g. an announcement")
        boolean brand,

        @Schema(description = "Written by the caller") boolean you) {}
