package com.example.loyalty.community.rest;

import com.example.loyalty.community.service.PostService.PostPatch;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        description = "An edit of a post by its author; absent fields keep their value. Kind, product and rating do "
                + "not change.")
public record PostPatchRequest(
        String title,
        String body,
        @Schema(enumeration = {"PLAIN", "MARKDOWN"}) String format,
        List<String> tags) {

    public PostPatch toPatch() {
        return new PostPatch(title, body, format, tags);
    }
}
