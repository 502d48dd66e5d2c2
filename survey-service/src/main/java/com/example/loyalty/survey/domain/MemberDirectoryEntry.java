package com.example.loyalty.survey.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A member as survey-service knows them from points-service's events (token subject, member id, current tier) and
 * metrics-service's (RFM segment and loyalty quadrant in the program currency). Written only by the event consumers.
 */
@Entity
@Table(name = "member_directory")
public class MemberDirectoryEntry {
    @Id
    @Column(name = "member_id")
    public UUID memberId;
    /** {@code null} until the MemberEnrolled event has been seen. */
    public String subject;
    /** Tier code of the newest event seen; {@code null} if none carried one. */
    public String tier;

    @Column(name = "tier_as_of")
    public Instant tierAsOf;

    /** RFM segment (e.g. {@code CHAMPIONS}) of the newest SegmentChanged seen; {@code null} if none. */
    public String segment;
    /** Loyalty quadrant of the newest SegmentChanged seen ({@code UNKNOWN} if it named none); {@code null} if none. */
    public String quadrant;
    /** The day {@link #segment} and {@link #quadrant} are as of. */
    @Column(name = "segment_as_of")
    public LocalDate segmentAsOf;

    /** The member this one was merged into (points-service's MembersMerged); null: not merged. */
    @Column(name = "merged_into")
    public UUID mergedInto;

    /** When the member's personal data was erased (MemberErased); the subject is null from then on. */
    @Column(name = "erased_at")
    public Instant erasedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
