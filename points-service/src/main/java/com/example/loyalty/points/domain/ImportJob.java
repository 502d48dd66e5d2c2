package com.example.loyalty.points.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A history import and its progress: the counts are committed with every batch of rows, so a reader sees them grow.
 * {@code rowsDone + rowsRejected} are the rows handled so far; {@code rowsTotal} the data rows of the file.
 */
@Entity
@Table(name = "import_job")
public class ImportJob {
    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ImportKind kind;

    @Column(nullable = false)
    public boolean award;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ImportStatus status;

    @Column(name = "rows_total", nullable = false)
    public long rowsTotal;

    @Column(name = "rows_done", nullable = false)
    public long rowsDone;

    @Column(name = "rows_rejected", nullable = false)
    public long rowsRejected;

    /** Why the import stopped, when FAILED. */
    public String failure;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;
}
