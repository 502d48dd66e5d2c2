package com.example.loyalty.points.domain;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One change a marketer or admin made (the audit log): append-only, the database refuses updates and deletes.
 * {@link #before} and {@link #after} are the changed thing's values as JSON (null: it did not exist before, or does not
 * after). Immutable: Hibernate never updates it.
 */
@Entity
@Table(name = "audit_entry")
// Never updated: without this, Hibernate's dirty check of the JSON columns (a LongNode written, an IntNode read back
// from its snapshot) took an entry with a long in it as changed and sent an UPDATE, which the table refuses.
@Immutable
public class AuditEntry {
    @Id
    public UUID id;

    /** Order of recording (the database assigns it). */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(nullable = false)
    public Instant at;

    /** Token subject of who made the change. */
    @Column(nullable = false)
    public String actor;

    /** What was done, e.g. {@code TIER_LADDER_REPLACED}, {@code POINTS_ADJUSTED}; see {@link AuditAction}. */
    @Column(nullable = false)
    public String action;

    /** The kind of thing changed, e.g. {@code MEMBER}, {@code TIER_LADDER}. */
    @Column(name = "target_type", nullable = false)
    public String targetType;

    @Column(name = "target_id", nullable = false)
    public String targetId;

    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode before;

    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode after;

    public String reason;
}
