package com.example.loyalty.community.rest;

import com.example.loyalty.community.service.RatingService.Rating;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A product's rating over its visible reviews")
public record RatingResponse(
        String productId,

        @Schema(description = "Mean rating, two decimals; null without reviews")
        Double mean,

        long count,

        @Schema(description = "Reviews per rating, \"1\" to \"5\"")
        Map<String, Long> distribution) {

    public static RatingResponse from(Rating r) {
        return new RatingResponse(r.productId(), r.mean(), r.count(), r.distribution());
    }
}
