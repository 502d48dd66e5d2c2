package com.example.loyalty.points.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A loyalty member, tied to the subject of their Keycloak user; the balance is the sum of the ledger. A member brought
 * in by a history import has no subject until linked to a login (and cannot sign in before that).
 */
@Entity
@Table(name = "member")
public class Member {
    @Id
    public UUID id;

    @Column(unique = true)
    public String subject;

    /** The member's id in the system they were imported from; null for members who enrolled here. */
    @Column(name = "external_id", unique = true)
    public String externalId;

    @Column(name = "card_code", nullable = false, unique = true)
    public String cardCode;

    @Column(name = "display_name")
    public String displayName;

    public String email;
    public String phone;

    /** The identity provider vouched for {@link #email} (the token's email_verified): staff may find the member by it. */
    @Column(name = "email_verified", nullable = false)
    public boolean emailVerified;

    /** The identity provider vouched for {@link #phone} (phone_number_verified): staff may find the member by it. */
    @Column(name = "phone_verified", nullable = false)
    public boolean phoneVerified;

    /** {@link #phone} as the till matches it (see service/Phones); null when it is no phone number. */
    @Column(name = "phone_key")
    public String phoneKey;

    /** The card design the member chose; null: the default design. */
    @Column(name = "card_design_id")
    public UUID cardDesignId;

    @Column(name = "tier_code", nullable = false)
    public String tierCode;

    @Column(nullable = false)
    public long balance;

    /**
     * Points the member owes: what a reversal (a return, a revoked award) could not take back because they were spent.
     * Never negative; while it is above zero the balance is zero, and the next credits pay it first (see Ledger).
     */
    @Column(nullable = false)
    public long debt;

    @Column(name = "enrolled_at", nullable = false)
    public Instant enrolledAt;

    /** Qualifying spend in the rolling window of {@link #windowMonths} months (see RollingSpend). */
    @Column(name = "window_spend", nullable = false)
    public long windowSpend;

    /** The window {@link #windowSpend} was computed for; null (or another window than the ladder's): recompute. */
    @Column(name = "window_months")
    public Integer windowMonths;

    /** When the oldest purchase counted in {@link #windowSpend} leaves the window; null: it counts none. */
    @Column(name = "spend_expires_at")
    public Instant spendExpiresAt;

    /** Purchases counted in {@link #windowSpend} (not returned in full; see RollingSpend). */
    @Column(name = "window_purchases", nullable = false)
    public long windowPurchases;

    /** Points those purchases earned, net of what their returns reversed. */
    @Column(name = "window_points", nullable = false)
    public long windowPoints;

    /** The calendar period the window figures were computed for; null: the rolling window of {@link #windowMonths}. */
    @Column(name = "window_basis")
    public String windowBasis;

    /** Since the evaluation that first found the member below their tier (null: they qualify); docs/tiers.md. */
    @Column(name = "tier_below_since")
    public Instant tierBelowSince;

    /** An admin holds the member at {@link #tierCode} until then, whatever the rules say (null: no override). */
    @Column(name = "tier_override_until")
    public Instant tierOverrideUntil;

    /**
     * The member this one was merged into (null: not merged). A merged member keeps its row for its ledger history; its
     * card code and login stand for the survivor, and its balance and debt are 0.
     */
    @Column(name = "merged_into")
    public UUID mergedInto;

    @Column(name = "merged_at")
    public Instant mergedAt;

    /** When the member's personal data was erased (null: not erased); no look-up finds an erased member. */
    @Column(name = "erased_at")
    public Instant erasedAt;

    /** The member's birthday (BirthdayJob awards its points); set once by the member, then only by staff or an admin. */
    public LocalDate birthday;

    /**
     * Enrolled with a referral code whose referral their first purchase has not settled yet (ReferralService): every
     * later purchase skips the referral.
     */
    @Column(name = "referral_pending", nullable = false)
    public boolean referralPending;

    /**
     * A paid membership period was recorded for this member (PaidMemberships; a merge carries it to the survivor):
     * the purchases of every other member skip the look-up of the period covering them.
     */
    @Column(name = "paid_periods", nullable = false)
    public boolean paidPeriods;

    @Version
    public long version;
}
