package com.example.loyalty.community.rest;

import com.example.loyalty.community.domain.PostKind;
import com.example.loyalty.community.service.SpaceService.SpaceInput;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A space as a marketer writes it. Content is checked as a whole (422 listing each offending field). */
@Schema(description = "A space: name, description, localized titles, who sees it, posting rules")
public record SpaceRequest(
        @Schema(description = "1 to 100 characters", required = true, examples = "Coffee talk")
        String name,

        @Schema(description = "Up to 2000 characters") String description,

        @Schema(
                description = "Display titles by language code (up to 20)",
                examples = "{\"ja\": \"コーヒー談義\", \"en\": \"Coffee talk\"}")
        Map<String, String> titles,

        @Schema(description = "Who sees the space; absent: every member")
        Visibility visibility,

        @Schema(description = "What may be posted; absent: every kind, by members")
        PostingRules postingRules) {

    @Schema(description = "Who sees the space (marketers and admins see every space)")
    public record Visibility(
            @Schema(description = "true: every member; false: only members of `tiers`", defaultValue = "true")
            Boolean allMembers,

            @Schema(description = "Tier codes (e.g. GOLD) that see the space when not allMembers")
            List<String> tiers) {}

    @Schema(description = "Posting rules")
    public record PostingRules(
            // the kinds are the items' enumeration, not the list's (an enumeration on the list would allow only
            // lists equal to one of the names)
            @Schema(
                    description = "Post kinds allowed here; absent or empty: all",
                    type = SchemaType.ARRAY,
                    implementation = PostKind.class)
            List<String> allowedKinds,

            @Schema(description = "false: members may only comment (marketers still post)", defaultValue = "true")
            Boolean membersMayPost) {}

    public SpaceInput toInput() {
        return new SpaceInput(
                name,
                description,
                titles,
                visibility == null ? null : visibility.allMembers(),
                visibility == null ? null : visibility.tiers(),
                postingRules == null ? null : postingRules.allowedKinds(),
                postingRules == null ? null : postingRules.membersMayPost());
    }
}
