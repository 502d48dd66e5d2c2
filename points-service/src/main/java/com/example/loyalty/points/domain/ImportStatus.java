package com.example.loyalty.points.domain;

/** Where a history import stands. */
public enum ImportStatus {
    /** Rows are going in; the counts grow with every committed batch. */
    RUNNING,
    /** Every row was read: it went in (or was there already) or was rejected. */
    DONE,
    /** The import stopped before the end of the file (unreadable CSV, a failure of the database, a shutdown). */
    FAILED
}
