package com.example.loyalty.points.rest;

import com.example.loyalty.points.service.AuditLog;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A page of the audit log, newest entry first")
public record AuditPageResponse(
        List<Entry> items,

        @Schema(description = "Pass it back as cursor for the next page; null on the last page")
        String nextCursor) {

    @Schema(description = "One change a marketer or admin made")
    public record Entry(
            UUID id,

            @Schema(description = "When it was recorded") Instant at,

            @Schema(description = "Token subject of who made the change")
            String actor,

            @Schema(
                    description = "What was done: TIER_LADDER_REPLACED, POINTS_ADJUSTED, IMPORT_STARTED, "
                            + "OUTBOX_EVENT_RETRIED, OUTBOX_EVENTS_RETRIED, …")
            String action,

            @Schema(description = "The kind of thing changed: MEMBER, TIER_LADDER, IMPORT, OUTBOX_EVENT, OUTBOX, …")
            String targetType,

            @Schema(description = "Which one: a member id, an import id, …")
            String targetId,

            @Schema(type = SchemaType.OBJECT, nullable = true, description = "The value before (null: none)")
            JsonNode before,

            @Schema(type = SchemaType.OBJECT, nullable = true, description = "The value after (null: none)")
            JsonNode after,

            @Schema(nullable = true, description = "Why, when the actor said")
            String reason) {

        static Entry from(AuditLog.Item i) {
            return new Entry(
                    i.id(),
                    i.at(),
                    i.actor(),
                    i.action(),
                    i.targetType(),
                    i.targetId(),
                    i.before(),
                    i.after(),
                    i.reason());
        }
    }

    public static AuditPageResponse from(AuditLog.Page page) {
        return new AuditPageResponse(
                page.items().stream().map(Entry::from).toList(),
                page.next() == null ? null : page.next().encode());
    }
}
