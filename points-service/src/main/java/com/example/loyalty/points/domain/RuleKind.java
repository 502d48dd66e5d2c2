package com.example.loyalty.points.domain;

/** The kinds of earning rule (docs/earning-rules.md). */
public enum RuleKind {
    /** Minor units of a currency per base point; overrides points.earn.rates.<currency> while in force. */
    BASE_RATE,
    /** A multiplier on purchases in one sales channel. */
    CHANNEL,
    /** A multiplier on the line items of one product category. */
    CATEGORY,
    /** A multiplier on the line items of one SKU; wins over a category rule for the same line. */
    SKU,
    /** A multiplier and/or fixed bonus points in a time window, for all members, some tiers or an RFM segment. */
    CAMPAIGN
}
