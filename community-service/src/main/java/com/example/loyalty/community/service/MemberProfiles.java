package com.example.loyalty.community.service;

import com.example.loyalty.common.web.Problems;
import com.example.loyalty.community.domain.Badge;
import com.example.loyalty.community.domain.CommunityMember;
import com.example.loyalty.community.domain.CommunityRank;
import com.example.loyalty.community.domain.Contribution;
import com.example.loyalty.community.repository.CommunityMemberRepository;
import com.example.loyalty.community.repository.ContributionQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * A member's community profile: score, rank and the next one, badges, ambassador and ban state, their latest
 * contributions; and their whole contribution history, page by page.
 */
@ApplicationScoped
public class MemberProfiles {

    /** Contributions a profile shows; the rest are in the history. */
    public static final int LATEST_CONTRIBUTIONS = 10;

    private final CommunityMemberRepository members;
    private final ContributionQueries contributions;
    private final RankLadder ladder;
    private final Callers callers;

    public MemberProfiles(
            CommunityMemberRepository members, ContributionQueries contributions, RankLadder ladder, Callers callers) {
        this.members = members;
        this.contributions = contributions;
        this.ladder = ladder;
        this.callers = callers;
    }

    public record Profile(
            CommunityMember member,
            CommunityRank rank,
            CommunityRank nextRank,
            List<Badge> badges,
            List<Contribution> latest) {}

    public record History(List<Contribution> items, String nextCursor) {}

    /** The calling member's profile (409 while their enrolment has not reached the community). */
    @Transactional
    public Profile mine() {
        return profile(callers.member());
    }

    /** A member's profile, for staff. */
    @Transactional
    public Profile of(UUID memberId) {
        return profile(members.findByIdOptional(memberId).orElseThrow(() -> noSuchMember(memberId)));
    }

    /** The calling member's contributions, newest first, from the cursor of the previous page. */
    @Transactional
    public History myHistory(String cursor, int limit) {
        CommunityMember member = callers.member();
        Instant beforeAt = null;
        UUID beforeId = null;
        if (cursor != null && !cursor.isBlank()) {
            try {
                String decoded = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8);
                int bar = decoded.indexOf('|');
                beforeAt = Instant.parse(decoded.substring(0, bar));
                beforeId = UUID.fromString(decoded.substring(bar + 1));
            } catch (RuntimeException e) {
                throw Problems.badRequest(
                        "invalid-cursor", "Invalid cursor", "pass the nextCursor of the previous page, unchanged");
            }
        }
        List<Contribution> page = contributions.history(member.memberId, beforeAt, beforeId, limit + 1);
        String next = null;
        if (page.size() > limit) {
            page = page.subList(0, limit);
            Contribution last = page.get(limit - 1);
            next = Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString((last.occurredAt + "|" + last.id).getBytes(StandardCharsets.UTF_8));
        }
        return new History(List.copyOf(page), next);
    }

    private Profile profile(CommunityMember member) {
        return new Profile(
                member,
                ladder.rankAt(member.score),
                ladder.nextAbove(member.score),
                Badge.of(member.ambassador(), contributions.standingByKind(member.memberId)),
                contributions.history(member.memberId, null, null, LATEST_CONTRIBUTIONS));
    }

    static RuntimeException noSuchMember(UUID memberId) {
        return Problems.notFound("member-not-found", "No such member", "the community knows no member " + memberId);
    }
}
