package com.example.loyalty.survey.domain;

/** Where a wave stands at a given moment (derived, not stored). */
public enum WaveStatus {
    /** Its window has not started. */
    SCHEDULED,
    /** Members in its target can answer. */
    OPEN,
    /** Its window is over, or it was closed early. */
    CLOSED
}
