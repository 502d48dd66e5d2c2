package com.example.loyalty.community.domain;

/** What a reaction (or a view) is about. */
public enum ReactionTarget {
    POST,
    COMMENT
}
