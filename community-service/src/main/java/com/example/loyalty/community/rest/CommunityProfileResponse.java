package com.example.loyalty.community.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The caller's community profile. Preliminary: the shape will grow once posts exist.")
public record CommunityProfileResponse(
        @Schema(description = "Token subject of the member") String subject,

        @Schema(description = "Number of the member's posts; always 0 until posting exists")
        long posts) {}
