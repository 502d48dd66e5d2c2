package com.example.loyalty.community.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A comment, or an answer to someone else's question")
public record CommentRequest(
        @Schema(
                description = "1 to community.posting.max-comment-length (5000) characters, stored as written",
                required = true)
        String body) {}
