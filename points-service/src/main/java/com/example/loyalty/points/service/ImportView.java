package com.example.loyalty.points.service;

import com.example.loyalty.points.domain.ImportJob;
import com.example.loyalty.points.domain.ImportKind;
import com.example.loyalty.points.domain.ImportStatus;
import com.example.loyalty.points.domain.RowRejected;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An import as the API shows it: its progress and the first rejected rows. */
public record ImportView(
        UUID id,
        ImportKind kind,
        boolean award,
        ImportStatus status,
        long rowsTotal,
        long rowsDone,
        long rowsRejected,
        List<RowRejected> errors,
        String failure,
        Instant createdAt,
        Instant finishedAt) {

    static ImportView of(ImportJob job, List<RowRejected> errors) {
        return new ImportView(
                job.id,
                job.kind,
                job.award,
                job.status,
                job.rowsTotal,
                job.rowsDone,
                job.rowsRejected,
                errors,
                job.failure,
                job.createdAt,
                job.finishedAt);
    }
}
