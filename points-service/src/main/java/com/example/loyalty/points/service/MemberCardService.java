package com.example.loyalty.points.service;

import com.example.loyalty.common.web.Problems;
import com.example.loyalty.points.domain.CardDesign;
import com.example.loyalty.points.domain.Member;
import com.example.loyalty.points.repository.CardDesignRepository;
import com.example.loyalty.points.repository.MemberRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;

/** The member's digital card: what it shows, and the design the member picks for it. */
@ApplicationScoped
public class MemberCardService {

    private final MemberRepository members;
    private final CardDesignRepository designs;
    private final TierService tiers;

    public MemberCardService(MemberRepository members, CardDesignRepository designs, TierService tiers) {
        this.members = members;
        this.designs = designs;
        this.tiers = tiers;
    }

    /** What the card shows: the code staff scan, the member's name, tier, and the design it is drawn in. */
    public record CardView(
            String cardCode,
            String displayName,
            String tierCode,
            String tierName,
            CardDesignView design,
            boolean chosenDesignRetired) {}

    @Transactional(Transactional.TxType.SUPPORTS)
    public CardView card(String subject) {
        return view(member(subject));
    }

    /** Just the card code, for the QR code. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String cardCode(String subject) {
        return member(subject).cardCode;
    }

    /**
     * The member picks a design of the catalogue: an unknown one is a 404, a retired one a 422. The member row is
     * locked as every write to it is, and the design share-locked so that it is not retired under the choice.
     */
    @Transactional
    public CardView choose(String subject, UUID designId) {
        Member member = members.lockBySubject(subject).orElseThrow(MemberCardService::notEnrolled);
        CardDesign design = designs.shareLockById(designId).orElseThrow(() -> CardDesignService.notFound(designId));
        if (!design.active()) {
            throw Problems.unprocessable(
                    "card-design-retired", "Card design retired", "card design " + designId + " is retired");
        }
        member.cardDesignId = design.id;
        return view(member);
    }

    private CardView view(Member member) {
        Optional<CardDesign> chosen = Optional.ofNullable(member.cardDesignId).flatMap(designs::findByIdOptional);
        boolean chosenRetired = chosen.isPresent() && !chosen.get().active();
        CardDesign shown = chosen.filter(CardDesign::active).orElseGet(designs::defaultDesign);
        TierLadderView.Step tier = tiers.ladder().step(member.tierCode);
        return new CardView(
                member.cardCode, member.displayName, tier.code(), tier.name(), CardDesignView.of(shown), chosenRetired);
    }

    private Member member(String subject) {
        return members.findBySubject(subject).orElseThrow(MemberCardService::notEnrolled);
    }

    private static RuntimeException notEnrolled() {
        return Problems.notFound(
                "not-enrolled", "Not enrolled", "you are not enrolled yet: POST /api/points/members/me first");
    }
}
