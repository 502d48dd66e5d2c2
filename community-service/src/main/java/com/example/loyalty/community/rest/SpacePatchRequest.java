package com.example.loyalty.community.rest;

import com.example.loyalty.community.service.SpaceService.SpaceInput;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A change to a space (PATCH): the fields of {@link SpaceRequest}, each optional; an absent field keeps its value. Its
 * own type only so that the document does not require a name here, as it does on create and replace.
 */
@Schema(description = "A change to a space: any of name, description, titles, visibility, posting rules")
public record SpacePatchRequest(
        @Schema(description = "1 to 100 characters; absent: unchanged", examples = "Coffee talk")
        String name,

        @Schema(description = "Up to 2000 characters; absent: unchanged")
        String description,

        @Schema(description = "Display titles by language code (up to 20); absent: unchanged")
        Map<String, String> titles,

        @Schema(description = "Who sees the space; absent: unchanged")
        SpaceRequest.Visibility visibility,

        @Schema(description = "What may be posted; absent: unchanged")
        SpaceRequest.PostingRules postingRules) {

    public SpaceInput toInput() {
        return new SpaceRequest(name, description, titles, visibility, postingRules).toInput();
    }
}
