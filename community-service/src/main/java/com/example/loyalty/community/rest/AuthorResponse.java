package com.example.loyalty.community.rest;

import com.example.loyalty.community.domain.CommunityMember;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Who wrote it, as the community shows them")
public record AuthorResponse(
        @Schema(description = "The member's display name; null for the brand or a member whose name is not known")
        String displayName,

        @Schema(description = "Written by the brand (a marketer or admin), e.g. an announcement")
        boolean brand,

        @Schema(description = "Written by the caller") boolean you,

        @Schema(
                description = "Written by a member who had their personal data erased: the content stays, the "
                        + "author's name is gone (displayName null)")
        boolean erased) {

    /** The author of a post or comment with {@code authorSubject} (erased members' carry the tombstone). */
    static AuthorResponse of(String displayName, boolean brand, boolean you, String authorSubject) {
        return new AuthorResponse(displayName, brand, you, CommunityMember.ERASED.equals(authorSubject));
    }
}
