package com.example.loyalty.points.domain;

/**
 * The changes the audit log records; the name is stored (and filtered on: {@code GET /api/points/audit?action=}). Add
 * one per new kind of change a marketer or admin makes; never rename or remove one that entries may carry.
 */
public enum AuditAction {
    /** PUT /api/points/tiers; target TIER_LADDER; before and after: the whole ladder. */
    TIER_LADDER_REPLACED,
    /** POST /api/points/adjustments; target MEMBER; before and after: the balance; the admin's reason. */
    POINTS_ADJUSTED,
    /** POST /api/points/imports; target IMPORT (the import's id); after: kind and award. */
    IMPORT_STARTED,
    /** POST /api/points/admin/outbox/parked/{id}/retry; target OUTBOX_EVENT; before: the parked event. */
    OUTBOX_EVENT_RETRIED,
    /** POST /api/points/admin/outbox/parked/retry (only when it put any back); target OUTBOX; after: how many. */
    OUTBOX_EVENTS_RETRIED,
    PURCHASE_APPROVED,
    PURCHASE_REJECTED,
    MEMBERS_MERGED,
    MEMBER_ERASED,
    MEMBER_EXPORTED,
    CARD_DESIGN_CREATED,
    CARD_DESIGN_UPDATED,
    CARD_DESIGN_RETIRED,
    REDEMPTION_CANCELLED,
    /** POST /api/points/rules; target EARNING_RULE; after: the rule's kind and first version. */
    RULE_CREATED,
    /** PUT /api/points/rules/{id}; target EARNING_RULE; before: the version in force then; after: the new version. */
    RULE_CHANGED,
    /** POST /api/points/rules/{id}/pause; target EARNING_RULE; before and after: the versions; the reason if given. */
    RULE_PAUSED,
    /** POST /api/points/rules/{id}/resume; target EARNING_RULE; before and after: the versions. */
    RULE_RESUMED,
    /** POST /api/points/rules/{id}/end; target EARNING_RULE; before and after: the versions. */
    RULE_ENDED
}
