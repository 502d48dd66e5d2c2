package com.example.loyalty.community.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A page of moderation actions, newest first")
public record ModerationActionPageResponse(
        List<ModerationActionResponse> items,

        @Schema(description = "Pass as `cursor` for the next page; absent on the last page")
        String nextCursor) {}
