package com.example.loyalty.community.service;

import com.example.loyalty.common.web.Problems;
import com.example.loyalty.community.domain.CommunityMember;
import com.example.loyalty.community.repository.CommunityMemberRepository;
import com.example.loyalty.community.repository.ContributionQueries;
import com.example.loyalty.community.repository.ModerationLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Member bans and ambassador designations, each audited in the {@link ModerationLog} (actor = the caller's subject)
 * in the same transaction. A banned member may read but not write ({@link Callers#writer()}); a ban also ends an
 * ambassadorship.
 */
@ApplicationScoped
public class MemberModeration {

    /** Target type of actions about a member in the moderation log. */
    public static final String MEMBER = "MEMBER";

    public static final String BAN = "BAN_MEMBER";
    public static final String UNBAN = "UNBAN_MEMBER";
    public static final String DESIGNATE_AMBASSADOR = "DESIGNATE_AMBASSADOR";
    public static final String REVOKE_AMBASSADOR = "REVOKE_AMBASSADOR";

    private final CommunityMemberRepository members;
    private final ModerationLog log;
    private final ContributionQueries contributions;
    private final Callers callers;

    public MemberModeration(
            CommunityMemberRepository members, ModerationLog log, ContributionQueries contributions, Callers callers) {
        this.members = members;
        this.log = log;
        this.contributions = contributions;
        this.callers = callers;
    }

    @Transactional
    public CommunityMember ban(UUID memberId, String reason) {
        CommunityMember member = locked(memberId);
        if (member.banned()) {
            throw Problems.conflict("already-banned", "Banned already", "the member was banned at " + member.bannedAt);
        }
        Instant now = now();
        String actor = callers.subject();
        member.bannedAt = now;
        member.bannedBy = actor;
        member.banReason = reason.trim();
        member.updatedAt = now;
        log.record(actor, BAN, MEMBER, memberId.toString(), reason.trim(), now);
        if (member.ambassador()) {
            member.ambassadorSince = null;
            member.ambassadorBy = null;
            log.record(actor, REVOKE_AMBASSADOR, MEMBER, memberId.toString(), "banned: " + reason.trim(), now);
        }
        return member;
    }

    @Transactional
    public CommunityMember unban(UUID memberId, String reason) {
        CommunityMember member = locked(memberId);
        if (!member.banned()) {
            throw Problems.conflict("not-banned", "Not banned", "the member is not banned");
        }
        Instant now = now();
        member.bannedAt = null;
        member.bannedBy = null;
        member.banReason = null;
        member.updatedAt = now;
        log.record(callers.subject(), UNBAN, MEMBER, memberId.toString(), reason.trim(), now);
        return member;
    }

    @Transactional
    public CommunityMember designateAmbassador(UUID memberId, String reason) {
        CommunityMember member = locked(memberId);
        if (member.banned()) {
            throw Problems.conflict("member-banned", "Member banned", "a banned member cannot be an ambassador");
        }
        if (member.ambassador()) {
            throw Problems.conflict(
                    "already-ambassador",
                    "Ambassador already",
                    "the member has been an ambassador since " + member.ambassadorSince);
        }
        Instant now = now();
        String actor = callers.subject();
        member.ambassadorSince = now;
        member.ambassadorBy = actor;
        member.updatedAt = now;
        log.record(actor, DESIGNATE_AMBASSADOR, MEMBER, memberId.toString(), blankToNull(reason), now);
        return member;
    }

    @Transactional
    public void revokeAmbassador(UUID memberId, String reason) {
        CommunityMember member = locked(memberId);
        if (!member.ambassador()) {
            throw Problems.notFound("not-an-ambassador", "Not an ambassador", "the member is not an ambassador");
        }
        Instant now = now();
        member.ambassadorSince = null;
        member.ambassadorBy = null;
        member.updatedAt = now;
        log.record(callers.subject(), REVOKE_AMBASSADOR, MEMBER, memberId.toString(), blankToNull(reason), now);
    }

    /** The current ambassadors, longest-serving first. */
    @Transactional
    public List<CommunityMember> ambassadors() {
        return members.list("ambassadorSince is not null order by ambassadorSince, memberId");
    }

    /**
     * Ambassador candidates: members ranked by their standing contributions in {@code [from, to)}, by the window's
     * score, then accepted answers, then reviews, then overall score; banned members are left out.
     */
    @Transactional
    public List<ContributionQueries.Candidate> candidates(Instant from, Instant to, int limit) {
        if (!from.isBefore(to)) {
            throw Problems.badRequest("invalid-window", "Invalid window", "from must be before to");
        }
        return contributions.candidates(from, to, limit);
    }

    /** The newest moderation actions, optionally about one target, before the id cursor. */
    @Transactional
    public List<ModerationLog.Entry> actions(String targetType, String targetId, Long before, int limit) {
        return log.latest(targetType, targetId, before, limit);
    }

    private CommunityMember locked(UUID memberId) {
        return members.findByIdOptional(memberId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> MemberProfiles.noSuchMember(memberId));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
