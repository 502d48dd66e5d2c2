package com.example.loyalty.points.domain;

/** Why a ledger entry moved points. */
public enum LedgerKind {
    EARN,
    REDEEM,
    EXPIRE,
    ADJUST,
    REVERSE,
    /** A balance moved by a member merge: minus on the merged member, plus on the survivor (MemberMerge). */
    MERGE
}
