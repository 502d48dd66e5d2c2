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
    /** PUT /api/points/action-rules/{action}; target ACTION_RULE (the action); before: the versions it ended or replaced; after: the new version. */
    ACTION_RULE_CHANGED,
    /** PUT /api/points/members/{id}/birthday (staff, admin); target MEMBER; before and after: the birthday; the reason given. */
    BIRTHDAY_CHANGED,
    /** POST /api/points/admin/birthdays/run; target ACTION_RULE BIRTHDAY; after: the run's day, members and points. */
    BIRTHDAYS_AWARDED
}
