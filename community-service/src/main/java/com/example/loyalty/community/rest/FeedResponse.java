package com.example.loyalty.community.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A page of a space's posts")
public record FeedResponse(
        List<PostSummary> items,

        @Schema(description = "Pass as `cursor` (with the same sort) for the next page; null on the last page")
        String nextCursor) {}
