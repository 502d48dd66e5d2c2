package com.example.loyalty.points.service;

import com.example.loyalty.common.web.Problems;
import com.example.loyalty.points.domain.Member;
import com.example.loyalty.points.domain.PointAction;
import com.example.loyalty.points.repository.MemberRepository;
import com.example.loyalty.points.repository.ReferralRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Referrals (docs/action-points.md): every member may hand out a code; a new member enrols with it; on the new member's
 * first purchase both earn, the referrer the REFERRAL_REFERRER action's points and the new member the
 * REFERRAL_NEW_MEMBER action's, by the rules valid when the purchase happened and within their caps. Once per referral:
 * the referral row is settled by exactly one purchase (a conditional update, under the new member's lock), and each
 * award has its own key ((referrer, new member)).
 */
@ApplicationScoped
public class ReferralService {

    public static final String REFERENCE_TYPE = "REFERRAL";
    /** Letters and digits that cannot be mistaken for one another (no 0/O, 1/I/L). */
    static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    static final int CODE_LENGTH = 8;
    private static final int CODE_ATTEMPTS = 5;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MemberRepository members;
    private final ReferralRepository referrals;
    private final ActionAwards awards;

    public ReferralService(MemberRepository members, ReferralRepository referrals, ActionAwards awards) {
        this.members = members;
        this.referrals = referrals;
        this.awards = awards;
    }

    /** A member's code, how many members they referred and how many of those made their first purchase. */
    public record ReferralInfo(String code, long referred, long firstPurchases) {}

    /** The caller's code (made on first asking) and counts. */
    @Transactional
    public ReferralInfo mine(String subject) {
        Member member = members.findBySubject(subject)
                .orElseThrow(() -> Problems.notFound(
                        "not-enrolled", "Not enrolled", "you are not enrolled yet: POST /api/points/members/me first"));
        String code = referrals.codeOf(member.id).orElseGet(() -> newCode(member.id));
        long[] counts = referrals.counts(member.id);
        return new ReferralInfo(code, counts[0], counts[1]);
    }

    private String newCode(UUID memberId) {
        for (int i = 0; i < CODE_ATTEMPTS; i++) {
            referrals.insertCode(memberId, generate(), Instant.now());
            // ours, or one a concurrent call stored a moment ago; none when the code was taken by another member
            Optional<String> code = referrals.codeOf(memberId);
            if (code.isPresent()) {
                return code.get();
            }
        }
        throw new IllegalStateException("no free referral code after " + CODE_ATTEMPTS + " attempts");
    }

    static String generate() {
        StringBuilder code = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** A code as typed: spaces around and case do not matter. */
    static String normalise(String code) {
        return code.strip().toUpperCase(Locale.ROOT);
    }

    /** The member a code refers to (as they stand now, after merges); 422 for a code nobody holds. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID referrerOf(String code) {
        return referrals
                .ownerOf(normalise(code))
                .orElseThrow(() -> Problems.unprocessable(
                        "unknown-referral-code", "Unknown referral code", "no member holds the referral code " + code));
    }

    /** Records at enrolment that the new member was referred by the holder of {@code code} ({@link #referrerOf}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refer(UUID newMemberId, UUID referrerId, String code) {
        referrals.insertReferral(newMemberId, referrerId, normalise(code), Instant.now());
    }

    /**
     * A member already enrolled calls enrolment with a code: a retry of their own enrolment with that code is fine; their
     * own code is a 422 (self-referral), an unknown one a 422, any other a 409 (a member already enrolled is not
     * referred).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void checkEnrolled(Member member, String code) {
        UUID referrer = referrerOf(code);
        if (referrer.equals(member.id)) {
            throw Problems.unprocessable("self-referral", "Self-referral", "a member cannot refer themselves");
        }
        boolean sameReferral = referrals
                .referralOf(member.id)
                .filter(r -> r.referrerId().equals(referrer))
                .isPresent();
        if (!sameReferral) {
            throw Problems.conflict(
                    "already-enrolled",
                    "Already enrolled",
                    "you are enrolled already: a referral code counts only at enrolment");
        }
    }

    /**
     * After a purchase of the locked member is stored, in its transaction: if it is the first purchase of a referred
     * member, the new member and their referrer earn the referral points valid at {@code occurredAt} (the referrer is
     * locked after the member; referrers enrolled before the members they refer, so the locks never go round in a
     * circle). Any later purchase finds the referral settled and earns nothing more.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onPurchase(Member member, UUID purchaseId, Instant occurredAt) {
        if (!member.referralPending) {
            return;
        }
        member.referralPending = false;
        Optional<UUID> referrer = referrals.settleByFirstPurchase(member.id, purchaseId, Instant.now());
        if (referrer.isEmpty()) {
            return;
        }
        String reference = member.id.toString();
        awards.award(
                member,
                PointAction.REFERRAL_NEW_MEMBER,
                referrer.get().toString(),
                occurredAt,
                REFERENCE_TYPE,
                reference,
                "referral: your first purchase");
        members.lockById(referrer.get())
                .filter(r -> r.erasedAt == null && !r.id.equals(member.id))
                .ifPresent(r -> awards.award(
                        r,
                        PointAction.REFERRAL_REFERRER,
                        reference,
                        occurredAt,
                        REFERENCE_TYPE,
                        reference,
                        "referral: a member you referred made their first purchase"));
    }
}
