package com.example.loyalty.points.domain;

/** The changes the audit log records; the name is stored. Add one per new kind of change a marketer or admin makes. */
public enum AuditAction {
    TIER_LADDER_REPLACED,
    POINTS_ADJUSTED,
    PURCHASE_APPROVED,
    PURCHASE_REJECTED,
    MEMBERS_MERGED,
    MEMBER_ERASED,
    MEMBER_EXPORTED,
    CARD_DESIGN_CREATED,
    CARD_DESIGN_UPDATED,
    CARD_DESIGN_RETIRED,
    REDEMPTION_CANCELLED
}
