package com.example.loyalty.points.domain;

/** What a history import brings in. */
public enum ImportKind {
    MEMBERS,
    PURCHASES
}
