package com.example.loyalty.points.service;

import com.example.loyalty.common.web.Problems;
import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.TierChanged;
import com.example.loyalty.events.Topics;
import com.example.loyalty.messaging.outbox.OutboxWriter;
import com.example.loyalty.points.domain.AuditAction;
import com.example.loyalty.points.domain.AuditTarget;
import com.example.loyalty.points.domain.Member;
import com.example.loyalty.points.repository.MemberRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A member's tier as an admin overrides it, and as the member sees their way to the next tier and to keeping theirs
 * (docs/tiers.md).
 */
@ApplicationScoped
public class MemberTiers {

    /** An override lasts at most this long. */
    static final Duration MAX_OVERRIDE = Duration.ofDays(3660);

    private final MemberRepository members;
    private final TierService tiers;
    private final RollingSpend rollingSpend;
    private final OutboxWriter outbox;
    private final AuditLog audit;

    public MemberTiers(
            MemberRepository members,
            TierService tiers,
            RollingSpend rollingSpend,
            OutboxWriter outbox,
            AuditLog audit) {
        this.members = members;
        this.tiers = tiers;
        this.rollingSpend = rollingSpend;
        this.outbox = outbox;
        this.audit = audit;
    }

    /** What the audit log keeps of a member's tier and override. */
    public record TierHold(String tier, Instant overrideUntil) {}

    /** The outcome of setting or removing an override. */
    @Schema(description = "A member's tier override: the tier before and now, until when, whether the tier changed")
    public record Overridden(UUID memberId, String previousTier, String tier, Instant until, boolean tierChanged) {}

    /**
     * Holds the member at {@code tierCode} until {@code until}, whatever evaluations and purchases say; replaces an
     * override they had. Audited as TIER_OVERRIDDEN; a TierChanged event when the tier changes.
     */
    @Transactional
    public Overridden override(UUID memberId, String tierCode, Instant until, String reason, String by) {
        TierLadderView ladder = tiers.ladder();
        TierLadderView.Step tier = ladder.find(tierCode)
                .orElseThrow(() -> Problems.unprocessable(
                        "unknown-tier", "Unknown tier", "tier " + tierCode + " is not on the ladder"));
        Instant now = Instant.now();
        if (!until.isAfter(now)) {
            throw Problems.unprocessable(
                    "override-in-past", "Override ends in the past", "until " + until + " has passed already");
        }
        if (until.isAfter(now.plus(MAX_OVERRIDE))) {
            throw Problems.unprocessable(
                    "override-too-long", "Override too long", "an override lasts at most 3660 days");
        }
        Member member = lock(memberId);
        TierHold before = new TierHold(member.tierCode, member.tierOverrideUntil);
        String previous = member.tierCode;
        member.tierCode = tier.code();
        member.tierOverrideUntil = until;
        member.tierBelowSince = null;
        boolean changed = !previous.equals(tier.code());
        audit.record(
                by,
                AuditAction.TIER_OVERRIDDEN,
                AuditTarget.MEMBER,
                member.id.toString(),
                before,
                new TierHold(member.tierCode, until),
                reason);
        if (changed) {
            outbox.write(
                    Topics.LOYALTY_TRANSACTIONS,
                    EventTypes.TIER_CHANGED,
                    TierChanged.SCHEMA_VERSION,
                    member.id.toString(),
                    new TierChanged(previous, tier.code(), member.windowSpend));
        }
        return new Overridden(member.id, previous, member.tierCode, until, changed);
    }

    /**
     * Ends the member's override now: the tier stays, and the normal rules apply again (upgrades at the next purchase,
     * a downgrade at an evaluation after the grace period). Audited as TIER_OVERRIDE_REMOVED when there was one.
     */
    @Transactional
    public Overridden removeOverride(UUID memberId, String reason, String by) {
        Member member = lock(memberId);
        Instant until = member.tierOverrideUntil;
        if (until != null) {
            member.tierOverrideUntil = null;
            audit.record(
                    by,
                    AuditAction.TIER_OVERRIDE_REMOVED,
                    AuditTarget.MEMBER,
                    member.id.toString(),
                    new TierHold(member.tierCode, until),
                    new TierHold(member.tierCode, null),
                    reason);
        }
        return new Overridden(member.id, member.tierCode, member.tierCode, null, false);
    }

    private Member lock(UUID memberId) {
        return members.lockById(memberId)
                .filter(m -> m.erasedAt == null)
                .orElseThrow(() -> Problems.notFound("unknown-member", "Unknown member", "no member " + memberId));
    }

    /** A member's figures and what each tier needs of them. */
    public record Progress(
            TierLadderView.Step tier,
            TierLadderView.Step nextTier,
            TierLadderView.Period period,
            Instant periodFrom,
            Instant periodTo,
            TierLadderView.Figures current,
            TierLadderView.Figures needed,
            boolean keeps,
            TierLadderView.Figures keep,
            Instant keepBy,
            Instant belowSince,
            Instant downgradeNotBefore,
            Instant overrideUntil) {}

    /** The progress of the member signed in with {@code subject}. */
    @Transactional
    public Progress progress(String subject) {
        Member member = members.findBySubject(subject)
                .orElseThrow(() -> Problems.notFound(
                        "not-enrolled", "Not enrolled", "you are not enrolled yet: POST /api/points/members/me first"));
        return progress(member, Instant.now());
    }

    Progress progress(Member member, Instant now) {
        TierLadderView ladder = tiers.ladder();
        TierLadderView.Figures f = rollingSpend.figures(member, ladder, now);
        TierLadderView.Step tier = ladder.step(member.tierCode);
        TierLadderView.Step next = ladder.next(member.tierCode).orElse(null);
        boolean keeps = tier.qualifies(f);
        Instant notBefore = TierRules.downgradeNotBefore(ladder, member.tierBelowSince);
        boolean rolling = ladder.period().kind() == TierLadderView.PeriodKind.ROLLING;
        Instant from =
                rolling ? ladder.windowStart(now) : ladder.windowStart(now).plusNanos(1_000);
        Instant to = rolling ? now : ladder.countsUntil(now);
        Instant overrideUntil = TierRules.overridden(member, now) ? member.tierOverrideUntil : null;
        // keep by: the end of the grace period once marked; in a calendar period, its end; rolling and unmarked: none
        Instant keepBy = notBefore != null ? notBefore : rolling ? null : to;
        return new Progress(
                tier,
                next,
                ladder.period(),
                from,
                to,
                f,
                next == null ? null : next.missing(f),
                keeps,
                tier.missing(f),
                overrideUntil != null ? null : keepBy,
                member.tierBelowSince,
                notBefore,
                overrideUntil);
    }
}
