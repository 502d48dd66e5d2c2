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
    /** POST /api/points/rewards; target REWARD; after: the reward. */
    REWARD_CREATED,
    /** PUT /api/points/rewards/{id}; target REWARD; before and after: the reward (stock included). */
    REWARD_CHANGED,
    /** POST /api/points/rewards/{id}/retire; target REWARD; before and after: the reward. */
    REWARD_RETIRED,
    /** POST /api/points/coupons/{code}/void; target REDEMPTION; before and after: the coupon; the reason given. */
    COUPON_VOIDED,
    /**
     * POST /api/points/coupons/{code}/fulfil (not a replay); target REDEMPTION; before and after: the coupon. Who handed
     * which reward over, beside the voids: the till's side of a reward's stock.
     */
    COUPON_FULFILLED,
    /** POST /api/points/causes; target CAUSE; after: the cause (and its donation reward's id). */
    CAUSE_CREATED,
    /** PUT /api/points/causes/{id}; target CAUSE; before and after: the cause. */
    CAUSE_CHANGED,
    /** POST /api/points/membership-plans; target MEMBERSHIP_PLAN; after: the plan. */
    MEMBERSHIP_PLAN_CREATED,
    /** PUT /api/points/membership-plans/{id} (not retiring it); target MEMBERSHIP_PLAN; before and after: the plan. */
    MEMBERSHIP_PLAN_CHANGED,
    /** PUT with active false or DELETE /api/points/membership-plans/{id}; target MEMBERSHIP_PLAN; before and after. */
    MEMBERSHIP_PLAN_RETIRED,
    /** A paid membership started, renewed or cancelled by staff, an admin or the payment webhook; target MEMBER. */
    MEMBERSHIP_CHANGED,
    /** GET /api/points/opt-ins/export; target OPT_INS; after: the filters and how many members were exported. */
    OPT_INS_EXPORTED,
    /** PUT /api/points/members/{id}/tier-override; target MEMBER; before and after: tier and override end; reason. */
    TIER_OVERRIDDEN,
    /** DELETE /api/points/members/{id}/tier-override; target MEMBER; before and after: tier and override end. */
    TIER_OVERRIDE_REMOVED,
    /** POST /api/points/tiers/evaluations (only when one started); target TIER_EVALUATION; after: id and trigger. */
    TIER_EVALUATION_STARTED,
    /** POST /api/points/rules; target EARNING_RULE; after: the rule's kind and first version. */
    RULE_CREATED,
    /** PUT /api/points/rules/{id}; target EARNING_RULE; before: the version in force then; after: the new version. */
    RULE_CHANGED,
    /** POST /api/points/rules/{id}/pause; target EARNING_RULE; before and after: the versions; the reason if given. */
    RULE_PAUSED,
    /** POST /api/points/rules/{id}/resume; target EARNING_RULE; before and after: the versions. */
    RULE_RESUMED,
    /** POST /api/points/rules/{id}/end; target EARNING_RULE; before and after: the versions. */
    RULE_ENDED,
    /** PUT /api/points/action-rules/{action}; target ACTION_RULE (the action); before: the versions it ended or replaced; after: the new version. */
    ACTION_RULE_CHANGED,
    /** PUT /api/points/members/{id}/birthday (staff, admin); target MEMBER; before and after: the birthday; the reason given. */
    BIRTHDAY_CHANGED,
    /** POST /api/points/admin/birthdays/run; target ACTION_RULE BIRTHDAY; after: the run's day, members and points. */
    BIRTHDAYS_AWARDED,
}
