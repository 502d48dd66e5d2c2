package com.example.loyalty.points.domain;

/**
 * The kinds of thing audit entries are about ({@code audit_entry.target_type}, at most 32 characters), so that every
 * recorder names them alike and {@code GET /api/points/audit?targetType=} finds them. Add one per new kind of target.
 */
public final class AuditTarget {

    /** A member; the target id is the member id. */
    public static final String MEMBER = "MEMBER";
    /** The tier ladder; the target id is {@link #TIER_LADDER_ID}. */
    public static final String TIER_LADDER = "TIER_LADDER";
    /** The one tier ladder there is (its row id). */
    public static final String TIER_LADDER_ID = "1";
    /** A history import; the target id is the import's id. */
    public static final String IMPORT = "IMPORT";
    /** One outbox event; the target id is the event id. */
    public static final String OUTBOX_EVENT = "OUTBOX_EVENT";
    /** The outbox as a whole (e.g. every parked event); the target id is {@link #OUTBOX_PARKED}. */
    public static final String OUTBOX = "OUTBOX";
    /** The parked events of the outbox. */
    public static final String OUTBOX_PARKED = "parked";
    /** A purchase; the target id is the purchase id. */
    public static final String PURCHASE = "PURCHASE";
    /** A redemption; the target id is the redemption id. */
    public static final String REDEMPTION = "REDEMPTION";
    /** A card design; the target id is the design's id. */
    public static final String CARD_DESIGN = "CARD_DESIGN";

    /** A reward of the catalogue; the target id is the reward's id. */
    public static final String REWARD = "REWARD";
    /** A cause members donate to; the target id is the cause's id. */
    public static final String CAUSE = "CAUSE";
    /** A paid-membership plan; the target id is the plan's id. */
    public static final String MEMBERSHIP_PLAN = "MEMBERSHIP_PLAN";
    /** The members' opt-ins as a whole (an export); the target id is {@link #OPT_INS_EXPORT}. */
    public static final String OPT_INS = "OPT_INS";
    /** The export of opted-in members. */
    public static final String OPT_INS_EXPORT = "export";
    /** A batch tier evaluation; the target id is the evaluation's id. */
    public static final String TIER_EVALUATION = "TIER_EVALUATION";
    /** An earning rule; the target id is the rule's id. */
    public static final String EARNING_RULE = "EARNING_RULE";
    /** The rule of an action that earns fixed points; the target id is the action (e.g. BIRTHDAY). */
    public static final String ACTION_RULE = "ACTION_RULE";

    private AuditTarget() {}
}
