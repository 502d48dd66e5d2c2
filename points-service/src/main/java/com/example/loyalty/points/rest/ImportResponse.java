package com.example.loyalty.points.rest;

import com.example.loyalty.points.service.ImportView;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A history import and its progress")
public record ImportResponse(
        UUID id,

        @Schema(description = "What the file brings in", examples = "PURCHASES")
        String kind,

        @Schema(description = "True when the purchases earn points as at the till; false: history only")
        boolean award,

        @Schema(
                description = "RUNNING while rows go in; DONE when every row went in or was rejected; FAILED when the "
                        + "import stopped before the end of the file (see failure)")
        String status,

        @Schema(description = "Data rows of the file (the header not counted); 0 until the file has been counted")
        long rowsTotal,

        @Schema(description = "Rows that went in or were there already; committed with every batch")
        long rowsDone,

        @Schema(description = "Rows rejected; each of the first ones is listed in errors")
        long rowsRejected,

        @Schema(description = "The first rejected rows (at most points.imports.max-errors), by line")
        List<RowError> errors,

        @Schema(description = "Why the import stopped, when FAILED")
        String failure,

        Instant createdAt,
        Instant finishedAt) {

    @Schema(description = "A rejected row")
    public record RowError(
            @Schema(description = "Line of the file the row starts on; the header is line 1")
            long line,

            @Schema(description = "Why the row was rejected")
            String message) {}

    public static ImportResponse from(ImportView v) {
        return new ImportResponse(
                v.id(),
                v.kind().name(),
                v.award(),
                v.status().name(),
                v.rowsTotal(),
                v.rowsDone(),
                v.rowsRejected(),
                v.errors().stream()
                        .map(e -> new RowError(e.line(), e.message()))
                        .toList(),
                v.failure(),
                v.createdAt(),
                v.finishedAt());
    }
}
