package com.example.loyalty.points.service;

import com.example.loyalty.points.domain.Member;
import com.example.loyalty.points.repository.PurchaseRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * The qualifying spend of a member over the ladder's rolling window (or calendar period), with the number of purchases
 * and the points they earned (docs/tiers.md), kept running on the member row. Summing every
 * purchase of the window on every purchase made an earn cost grow with the member's history (a busy member's
 * purchases in a year) and took a statement on every look-up. The row holds the sum for the window, and when it stops
 * being right: when the oldest purchase it counts leaves the window, or the ladder's window changes. Until then the
 * sum is used as it is and grows with each purchase; after that it is recomputed once, from the purchases. So a
 * purchase costs no extra statement except once per purchase that expires.
 * <p>
 * A purchase counts, net of what was returned of it, while {@code occurredAt > now - window} ({@link TierLadderView#windowStart}); it stops counting at
 * {@code occurredAt + window} at the earliest (adding and subtracting months only ever clips to a shorter month), so
 * that instant is a safe moment to recompute.
 */
@ApplicationScoped
public class RollingSpend {

    private final PurchaseRepository purchases;

    public RollingSpend(PurchaseRepository purchases) {
        this.purchases = purchases;
    }

    /**
     * The spend in the window ending {@code now}; refreshes the running figure first if it may have gone stale. The
     * member must be locked (the figure is written back with it).
     */
    public long current(Member member, TierLadderView ladder, Instant now) {
        if (!valid(member, ladder, now)) {
            PurchaseRepository.WindowSummary summary = purchases.windowSummary(member.id, ladder.windowStart(now));
            member.windowSpend = summary.total();
            member.windowPurchases = summary.purchases();
            member.windowPoints = summary.points();
            member.windowMonths = ladder.windowMonths();
            member.windowBasis = ladder.period().basis();
            member.spendExpiresAt = summary.oldest() == null ? null : ladder.countsUntil(summary.oldest());
        }
        return member.windowSpend;
    }

    /** Spend, purchases and points in the period ending {@code now}, for display: the running figures if right. */
    public TierLadderView.Figures figures(Member member, TierLadderView ladder, Instant now) {
        if (valid(member, ladder, now)) {
            return new TierLadderView.Figures(member.windowSpend, member.windowPurchases, member.windowPoints);
        }
        PurchaseRepository.WindowSummary s = purchases.windowSummary(member.id, ladder.windowStart(now));
        return new TierLadderView.Figures(s.total(), s.purchases(), s.points());
    }

    /** The running figures of a locked member, after {@link #current}. */
    public static TierLadderView.Figures figures(Member member) {
        return new TierLadderView.Figures(member.windowSpend, member.windowPurchases, member.windowPoints);
    }

    /** The spend in the window ending {@code now}, for display: the running figure if right, else summed. */
    public long peek(Member member, TierLadderView ladder, Instant now) {
        return valid(member, ladder, now)
                ? member.windowSpend
                : purchases.windowSummary(member.id, ladder.windowStart(now)).total();
    }

    /** Counts a new purchase, if it happened inside the window; call after {@link #current}. */
    public void count(Member member, TierLadderView ladder, Instant occurredAt, long amount, Instant now) {
        count(member, ladder, occurredAt, amount, 0, now);
    }

    /** Counts a new purchase and the points it earned, if it happened inside the period; call after {@link #current}. */
    public void count(Member member, TierLadderView ladder, Instant occurredAt, long amount, long points, Instant now) {
        if (occurredAt.isAfter(ladder.windowStart(now))) {
            member.windowSpend = Math.addExact(member.windowSpend, amount);
            member.windowPurchases++;
            member.windowPoints = Math.addExact(member.windowPoints, points);
            Instant expiry = expiry(occurredAt, ladder);
            if (member.spendExpiresAt == null || expiry.isBefore(member.spendExpiresAt)) {
                member.spendExpiresAt = expiry;
            }
        }
    }

    /**
     * Takes a returned part of a purchase out of the running figure, if the purchase happened inside the window; call
     * after {@link #current} and before the purchase's returned amount changes (a recompute counts purchases net of
     * their returns).
     */
    public void uncount(Member member, TierLadderView ladder, Instant occurredAt, long amount, Instant now) {
        uncount(member, ladder, occurredAt, amount, 0, false, now);
    }

    /**
     * As {@link #uncount(Member, TierLadderView, Instant, long, Instant)}, also taking back the points the return
     * reversed, and the purchase from the count when it is now returned in full.
     */
    public void uncount(
            Member member,
            TierLadderView ladder,
            Instant occurredAt,
            long amount,
            long pointsReversed,
            boolean returnedInFull,
            Instant now) {
        if (occurredAt.isAfter(ladder.windowStart(now))) {
            member.windowSpend = Math.max(0, member.windowSpend - amount);
            member.windowPoints = Math.max(0, member.windowPoints - pointsReversed);
            if (returnedInFull) {
                member.windowPurchases = Math.max(0, member.windowPurchases - 1);
            }
        }
    }

    static boolean valid(Member member, TierLadderView ladder, Instant now) {
        return member.windowMonths != null
                && member.windowMonths == ladder.windowMonths()
                && java.util.Objects.equals(member.windowBasis, ladder.period().basis())
                && (member.spendExpiresAt == null || now.isBefore(member.spendExpiresAt));
    }

    /** The earliest instant at which a purchase made at {@code occurredAt} may stop counting. */
    static Instant expiry(Instant occurredAt, TierLadderView ladder) {
        return ladder.countsUntil(occurredAt);
    }
}
