package com.example.loyalty.points.service;

import com.example.loyalty.points.domain.AuditAction;
import com.example.loyalty.points.domain.AuditEntry;
import com.example.loyalty.points.repository.AuditRepository;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Records what marketers and admins change, in the transaction of the change itself: a change is never without its
 * audit entry, nor an entry without its change. Values are stored as JSON, as Jackson writes the objects given.
 */
@ApplicationScoped
public class AuditLog {

    private final AuditRepository entries;
    private final ObjectMapper json;

    public AuditLog(AuditRepository entries, ObjectMapper json) {
        this.entries = entries;
        this.json = json;
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
        entry.at = Instant.now();
        entry.actor = Objects.requireNonNull(actor, "actor");
        entry.action = action.name();
        entry.targetType = Objects.requireNonNull(targetType, "targetType");
        entry.targetId = Objects.requireNonNull(targetId, "targetId");
        entry.before = before == null ? null : json.valueToTree(before);
        entry.after = after == null ? null : json.valueToTree(after);
        entry.reason = reason;
        entries.persist(entry);
        return entry;
    }
}
