package com.example.loyalty.points.service;

import com.example.loyalty.points.domain.AuditAction;
import com.example.loyalty.points.domain.AuditEntry;
import com.example.loyalty.points.repository.AuditRepository;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Records what marketers and admins change, in the transaction of the change itself: a change is never without its
 * audit entry, nor an entry without its change. Values are stored as JSON, as Jackson writes the objects given.
 *
 * <p>How to record (docs/points-accounting.md, "Adjustments and the audit log"): call {@link #record} from the
 * {@code @Transactional} service method that makes the change, after the change, with the caller's token subject as
 * actor, an {@link AuditAction}, a target type from {@link com.example.loyalty.points.domain.AuditTarget} and the
 * target's id; {@code before} and {@code after} are snapshots of what changed as records or maps (never entities:
 * they may be lazy or change later), and hold no more personal data than the change needs.
 */
@ApplicationScoped
public class AuditLog {

    /** Longest reason stored ({@code audit_entry.reason}); a longer one is cut, never refused. */
    static final int MAX_REASON_CHARS = 500;

    private final AuditRepository entries;
    private final ObjectMapper json;

    public AuditLog(AuditRepository entries, ObjectMapper json) {
        this.entries = entries;
        // the REST mapper leaves nulls out of answers (quarkus.jackson.serialization-inclusion=non_null); an audit
        // entry keeps them: "phone": null after an erasure is the change itself
        this.json = json.copy().setSerializationInclusion(JsonInclude.Include.ALWAYS);
    }

    /**
     * @param actor  token subject of who made the change
     * @param before the value before (null: none), any object Jackson can write
     * @param after  the value after (null: none)
     * @param reason why, when the caller said (null: not given)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEntry record(
            String actor,
            AuditAction action,
            String targetType,
            String targetId,
            Object before,
            Object after,
            String reason) {
        AuditEntry entry = new AuditEntry();
        entry.id = UUID.randomUUID();
        // as the database keeps it, so an entry read back in this transaction has the same time as one read later
        entry.at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        entry.actor = Objects.requireNonNull(actor, "actor");
        entry.action = action.name();
        entry.targetType = Objects.requireNonNull(targetType, "targetType");
        entry.targetId = Objects.requireNonNull(targetId, "targetId");
        entry.before = before == null ? null : json.valueToTree(before);
        entry.after = after == null ? null : json.valueToTree(after);
        entry.reason = reason == null || reason.length() <= MAX_REASON_CHARS
                ? reason
                : reason.substring(0, MAX_REASON_CHARS - 3) + "...";
        entries.persist(entry);
        return entry;
    }

    /** One entry as {@code GET /api/points/audit} lists it. */
    public record Item(
            UUID id,
            Instant at,
            String actor,
            String action,
            String targetType,
            String targetId,
            JsonNode before,
            JsonNode after,
            String reason) {

        static Item of(AuditEntry e) {
            return new Item(e.id, e.at, e.actor, e.action, e.targetType, e.targetId, e.before, e.after, e.reason);
        }
    }

    /** A page of entries, newest first; {@code next} is null on the last page. */
    public record Page(List<Item> items, AuditQuery.Cursor next) {}

    /** The entries {@code query} asks for, newest first. */
    @Transactional
    public Page search(AuditQuery query) {
        List<AuditEntry> found = entries.search(query, query.size() + 1);
        AuditQuery.Cursor next = null;
        if (found.size() > query.size()) {
            found = found.subList(0, query.size());
            AuditEntry last = found.get(found.size() - 1);
            next = new AuditQuery.Cursor(last.at, last.seq);
        }
        return new Page(found.stream().map(Item::of).toList(), next);
    }
}
