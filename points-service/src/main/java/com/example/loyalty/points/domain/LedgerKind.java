package com.example.loyalty.points.domain;

/** Why a ledger entry moved points. */
public enum LedgerKind {
    EARN,
    REDEEM,
    EXPIRE,
    ADJUST,
    REVERSE
}
