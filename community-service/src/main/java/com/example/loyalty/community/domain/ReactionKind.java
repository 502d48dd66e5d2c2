package com.example.loyalty.community.domain;

/** A reaction a member gives a post or comment, at most once per kind. */
public enum ReactionKind {
    LIKE,
    HELPFUL,
    THANKS
}
