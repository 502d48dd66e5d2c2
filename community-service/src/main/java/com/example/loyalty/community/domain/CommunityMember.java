package com.example.loyalty.community.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A member as the community knows them, learnt from member-events (enrolment: subject, display name) and
 * loyalty-transactions (tier changes); never read from points-service's database. The score is the running sum of
 * the weights of the member's contributions that stand.
 */
@Entity
@Table(name = "community_member")
public class CommunityMember {
    /** What replaces an erased member's login on what they wrote (author_subject, revisions, acceptances, views). */
    public static final String ERASED = "erased";

    @Id
    @Column(name = "member_id")
    public UUID memberId;

    public String subject;

    @Column(name = "display_name")
    public String displayName;

    public String tier;

    @Column(nullable = false)
    public long score;

    @Column(name = "banned_at")
    public Instant bannedAt;

    @Column(name = "banned_by")
    public String bannedBy;

    @Column(name = "ban_reason")
    public String banReason;

    @Column(name = "ambassador_since")
    public Instant ambassadorSince;

    @Column(name = "ambassador_by")
    public String ambassadorBy;

    /** The member this one was merged into (points-service's MembersMerged); null: not merged. */
    @Column(name = "merged_into")
    public UUID mergedInto;

    /** When the member's personal data was erased (MemberErased): subject and display name are null from then on. */
    @Column(name = "erased_at")
    public Instant erasedAt;

    @Column(name = "known_since", nullable = false)
    public Instant knownSince;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public boolean banned() {
        return bannedAt != null;
    }

    public boolean ambassador() {
        return ambassadorSince != null;
    }
}
