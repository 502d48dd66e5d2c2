package com.example.loyalty.metrics.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A member's purchase behaviour (frequency, monetary, recency) and current tier, aggregated from
 * loyalty-transactions. Each event is applied at most once (the consumer's inbox, {@code processed_event}); the
 * arithmetic lives here so it can be tested without a database. Times are kept at the database's precision
 * (microseconds, truncated): PostgreSQL would round a nanosecond {@link Instant} on the way in, and an event carrying
 * the very same time would then compare as older than the stored one.
 */
@Entity
@Table(name = "member_activity")
public class MemberActivity {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    @Id
    @Column(name = "member_id")
    public UUID memberId;

    @Column(name = "purchase_count", nullable = false)
    public long purchaseCount;
    /** Sum of purchase amounts in minor units of {@link #currency}. */
    @Column(name = "total_spend", nullable = false)
    public long totalSpend;
    /** ISO 4217 code of {@link #totalSpend}; null until the first purchase. */
    public String currency;

    @Column(name = "points_earned", nullable = false)
    public long pointsEarned;
    /** Latest purchase time seen (maximum, so late or re-ordered events cannot move it back). */
    @Column(name = "last_purchase_at")
    public Instant lastPurchaseAt;
    /** Tier code as of {@link #tierAsOf}; null until an event names one. */
    public String tier;
    /** Event time of the event the tier was taken from. */
    @Column(name = "tier_as_of")
    public Instant tierAsOf;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /**
     * Counts one purchase.
     *
     * @param amount      spend in minor units of {@code currency}, positive
     * @param currency    ISO 4217 code; must equal the currency of earlier purchases (amounts in different
     *                    currencies cannot be summed)
     * @param points      points the purchase earned, not negative
     * @param purchasedAt when the purchase happened
     * @throws IllegalArgumentException if a value is out of range or the currency differs
     * @throws ArithmeticException      if a sum overflows
     */
    public void recordPurchase(long amount, String currency, long points, Instant purchasedAt, Instant now) {
        if (amount <= 0) {
            throw new IllegalArgumentException("purchase amount must be positive, was " + amount);
        }
        if (points < 0) {
            throw new IllegalArgumentException("points earned must not be negative, was " + points);
        }
        if (currency == null || !CURRENCY.matcher(currency).matches()) {
            throw new IllegalArgumentException("currency is not an ISO 4217 code: " + currency);
        }
        if (purchasedAt == null) {
            throw new IllegalArgumentException("purchase time missing");
        }
        Instant at = stored(purchasedAt);
        if (this.currency != null && !this.currency.equals(currency)) {
            throw new IllegalArgumentException("member " + memberId + " spends in " + this.currency + "; a purchase in "
                    + currency + " cannot be added to that");
        }
        long newCount = Math.addExact(purchaseCount, 1);
        long newSpend = Math.addExact(totalSpend, amount);
        long newPoints = Math.addExact(pointsEarned, points);
        purchaseCount = newCount;
        totalSpend = newSpend;
        pointsEarned = newPoints;
        this.currency = currency;
        if (lastPurchaseAt == null || at.isAfter(lastPurchaseAt)) {
            lastPurchaseAt = at;
        }
        updatedAt = stored(now);
    }

    /**
     * Takes back what a return took from a purchase counted here (one in {@link #currency}): its spend, and the points
     * the return reversed or left as debt. A purchase that is gone (returned in full) no longer counts: the count falls
     * by one and the last purchase time becomes {@code lastPurchaseAfter}, the latest purchase still counted (null:
     * none is known, the current time stays); with no purchase left the member has no spend and no currency.
     * Figures never fall below zero (aggregates from before purchases were kept one by one may not hold them all).
     *
     * @param spendRemoved    how much of the purchase's spend came back (minor units), not negative
     * @param pointsTakenBack the points the return reversed plus its shortfall, not negative
     */
    public void recordReturn(
            long spendRemoved, long pointsTakenBack, boolean purchaseGone, Instant lastPurchaseAfter, Instant now) {
        if (spendRemoved < 0 || pointsTakenBack < 0) {
            throw new IllegalArgumentException("a return takes back no negative spend or points");
        }
        if (currency == null) {
            throw new IllegalStateException("member " + memberId + " has no purchase a return could take back");
        }
        totalSpend = Math.max(0, totalSpend - spendRemoved);
        pointsEarned = Math.max(0, pointsEarned - pointsTakenBack);
        if (purchaseGone) {
            purchaseCount = Math.max(0, purchaseCount - 1);
            if (purchaseCount == 0) {
                totalSpend = 0;
                currency = null;
                lastPurchaseAt = null;
            } else if (lastPurchaseAfter != null) {
                lastPurchaseAt = stored(lastPurchaseAfter);
            }
        }
        updatedAt = stored(now);
    }

    /**
     * Takes in the figures of a member merged into this one. In the same currency (or when this member has none yet)
     * they add up; in another currency this member's figures stay and the other's are kept in member_purchase only, as
     * for a purchase of this member in a second currency.
     *
     * @return whether the other member's figures were taken in (so their purchases now count here)
     */
    public boolean absorb(MemberActivity other, Instant now) {
        if (other.currency == null || other.purchaseCount == 0) {
            updatedAt = stored(now);
            return false;
        }
        if (currency != null && !currency.equals(other.currency)) {
            updatedAt = stored(now);
            return false;
        }
        purchaseCount = Math.addExact(purchaseCount, other.purchaseCount);
        totalSpend = Math.addExact(totalSpend, other.totalSpend);
        pointsEarned = Math.addExact(pointsEarned, other.pointsEarned);
        currency = other.currency;
        if (lastPurchaseAt == null || (other.lastPurchaseAt != null && other.lastPurchaseAt.isAfter(lastPurchaseAt))) {
            lastPurchaseAt = other.lastPurchaseAt;
        }
        updatedAt = stored(now);
        return true;
    }

    /**
     * The member's tier changed at {@code at} (a TierChanged event). Applied unless a later event already set
     * the tier, so a redelivered old change cannot undo a newer one.
     */
    public void tierChanged(String toTier, Instant changedAt, Instant now) {
        requireTier(toTier);
        Instant at = stored(changedAt);
        if (tierAsOf == null || !at.isBefore(tierAsOf)) {
            tier = toTier;
            tierAsOf = at;
        }
        updatedAt = stored(now);
    }

    /**
     * A purchase event reported the tier the member held when earning. Used only when strictly newer than what
     * is known: a TierChanged written in the same transaction as the purchase (same or later time) wins, since
     * the purchase's tier is the one before the upgrade it caused.
     */
    public void tierSeenOnPurchase(String heldTier, Instant seenAt, Instant now) {
        if (heldTier == null || heldTier.isBlank()) {
            return;
        }
        Instant at = stored(seenAt);
        if (tierAsOf == null || at.isAfter(tierAsOf)) {
            tier = heldTier;
            tierAsOf = at;
        }
        updatedAt = stored(now);
    }

    /** What a {@code timestamptz} column holds of an instant. */
    static Instant stored(Instant t) {
        return t.truncatedTo(ChronoUnit.MICROS);
    }

    private static void requireTier(String tier) {
        if (tier == null || tier.isBlank()) {
            throw new IllegalArgumentException("tier missing");
        }
    }
}
