package com.example.loyalty.community.domain;

/** What a post is. */
public enum PostKind {
    /** A conversation starter; counts as a POST contribution. */
    DISCUSSION,
    /** A question; others' comments are answers, one of which the asker (or a marketer) may accept. */
    QUESTION,
    /** A product review with a 1–5 rating; one per member and product; counts as a REVIEW contribution. */
    REVIEW,
    /** The brand speaking: marketers and admins only; no contribution. */
    ANNOUNCEMENT
}
