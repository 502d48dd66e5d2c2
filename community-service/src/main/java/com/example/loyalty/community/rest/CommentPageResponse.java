package com.example.loyalty.community.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A page of a post's comments, oldest first")
public record CommentPageResponse(
        List<CommentResponse> items,

        @Schema(description = "Pass as `cursor` for the next page; null on the last page")
        String nextCursor) {}
