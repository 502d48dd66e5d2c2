package com.example.loyalty.community.rest;

import com.example.loyalty.community.domain.Space;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A space")
public record SpaceResponse(
        UUID id,
        String name,
        String description,

        @Schema(description = "Display titles by language code")
        Map<String, String> titles,

        SpaceRequest.Visibility visibility,
        SpaceRequest.PostingRules postingRules,
        Instant createdAt,
        Instant updatedAt) {

    public static SpaceResponse from(Space s) {
        return new SpaceResponse(
                s.id,
                s.name,
                s.description,
                s.titles,
                new SpaceRequest.Visibility(s.allMembers, List.copyOf(s.tiers)),
                new SpaceRequest.PostingRules(List.copyOf(s.allowedKinds), s.membersMayPost),
                s.createdAt,
                s.updatedAt);
    }
}
