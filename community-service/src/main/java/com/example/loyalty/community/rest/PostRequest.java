package com.example.loyalty.community.rest;

import com.example.loyalty.community.service.PostService.PostInput;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A new post. Sizes come from {@code community.posting.*}; content is checked as a whole (422 listing each offending
 * field), so the fields carry no Bean Validation constraints of their own.
 */
@Schema(description = "A new post")
public record PostRequest(
        @Schema(
                description = "ANNOUNCEMENT: marketers and admins only",
                required = true,
                enumeration = {"DISCUSSION", "QUESTION", "REVIEW", "ANNOUNCEMENT"})
        String kind,

        @Schema(description = "1 to community.posting.max-title-length (200) characters", required = true)
        String title,

        @Schema(
                description = "1 to community.posting.max-body-length (20000) characters; stored and returned exactly "
                        + "as written (never rendered to HTML by the service)",
                required = true)
        String body,

        @Schema(
                description = "How the body is meant to be displayed",
                enumeration = {"PLAIN", "MARKDOWN"},
                defaultValue = "PLAIN")
        String format,

        @Schema(description = "Up to community.posting.max-tags (10) tags of up to 50 characters")
        List<String> tags,

        @Schema(description = "The product a review (required there) or post is about; up to 100 characters")
        String productId,

        @Schema(description = "REVIEW only, and required there: 1 to 5", minimum = "1", maximum = "5")
        Integer rating) {

    public PostInput toInput() {
        return new PostInput(kind, title, body, format, tags, productId, rating);
    }
}
