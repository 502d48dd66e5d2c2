package com.example.loyalty.community.domain;

/** What a report or a moderation action is about. */
public enum ContentType {
    POST,
    COMMENT
}
