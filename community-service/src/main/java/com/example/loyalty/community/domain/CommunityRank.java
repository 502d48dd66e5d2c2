package com.example.loyalty.community.domain;

/**
 * A community rank: reached at {@code threshold} contribution points.
 *
 * @param code      stable code, e.g. {@code CONTRIBUTOR}
 * @param name      display name, e.g. {@code Contributor}
 * @param threshold the score from which a member holds it
 */
public record CommunityRank(String code, String name, long threshold) {}
