package com.example.loyalty.community.rest;

import com.example.loyalty.community.domain.CommentRevision;
import com.example.loyalty.community.domain.PostRevision;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "An earlier version, replaced by an edit (title, format and tags: posts only)")
public record RevisionResponse(
        String title,
        String body,
        String format,
        List<String> tags,

        @Schema(description = "When this version was written")
        Instant writtenAt,

        @Schema(description = "When an edit replaced it") Instant replacedAt) {

    public static RevisionResponse from(PostRevision r) {
        return new RevisionResponse(r.title, r.body, r.format.name(), List.copyOf(r.tags), r.writtenAt, r.replacedAt);
    }

    public static RevisionResponse from(CommentRevision r) {
        return new RevisionResponse(null, r.body, null, null, r.writtenAt, r.replacedAt);
    }
}
