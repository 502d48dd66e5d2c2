package com.example.loyalty.points.domain;

/** What a version of an earning rule does while it is in force. */
public enum RuleState {
    /** It applies (inside its window). */
    ACTIVE,
    /** Paused: it applies to nothing until resumed. */
    PAUSED,
    /** Ended: it applies to nothing, for good. */
    ENDED
}
