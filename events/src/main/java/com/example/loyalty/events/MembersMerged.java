package com.example.loyalty.events;

/**
 * Payload of {@link EventTypes#MEMBERS_MERGED} on {@link Topics#MEMBER_EVENTS}, keyed by the surviving member's id:
 * two accounts of one person became one. Everything of {@code mergedMemberId} now belongs to the surviving member;
 * other services move what they hold of it (answers, posts, purchases, profiles) to the survivor.
 *
 * @param mergedMemberId the member id that no longer exists on its own
 * @param mergedCardCode its card code, which keeps working as an alias of the survivor's card
 * @param balance        the survivor's balance after the merge
 * @param tier           the survivor's tier after the merge
 */
public record MembersMerged(String mergedMemberId, String mergedCardCode, long balance, String tier) {
    public static final int SCHEMA_VERSION = 1;
}
