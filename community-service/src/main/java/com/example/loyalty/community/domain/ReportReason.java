package com.example.loyalty.community.domain;

/** Why a member reports a post or comment. */
public enum ReportReason {
    /** advertising, link farming, repeated posting */
    SPAM,
    /** harassment, insults, hate */
    ABUSE,
    /** not about the space's topic */
    OFF_TOPIC,
    /** false or misleading claims (about products, health, safety) */
    MISINFORMATION,
    /** anything else; say what in the note */
    OTHER
}
