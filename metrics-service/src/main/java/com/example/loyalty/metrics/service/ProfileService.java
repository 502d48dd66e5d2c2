package com.example.loyalty.metrics.service;

import com.example.loyalty.common.web.Problems;
import com.example.loyalty.metrics.config.MetricsConfig;
import com.example.loyalty.metrics.domain.LtvMember;
import com.example.loyalty.metrics.repository.MemberAttitudeRepository;
import com.example.loyalty.metrics.repository.MemberAttitudeRepository.KeptResponse;
import com.example.loyalty.metrics.repository.MemberDirectoryRepository;
import com.example.loyalty.metrics.repository.MemberMergeRepository;
import com.example.loyalty.metrics.repository.QuadrantRepository.MemberQuadrant;
import com.example.loyalty.metrics.repository.RfmRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A member's profile: what they do (RFM scores and segment of the last recompute, lifetime value, probabilistic CLV),
 * what they say (their last answers), what they show (community engagement) and where that puts them (loyalty
 * quadrant and its action). The brand's view has everything; the member's own view ({@link #ownProfile}) leaves out
 * the scores and classifications the brand keeps to itself.
 */
@ApplicationScoped
public class ProfileService {

    /** Answers shown on a profile. */
    static final int LAST_ANSWERS = 5;
    /** Horizon of the CLV on a profile: a year. */
    static final int CLV_HORIZON_WEEKS = 52;

    /** The brand's view of a member. */
    public record Profile(
            UUID memberId,
            Currency currency,
            Optional<RfmRepository.Run> run,
            Optional<RfmRepository.MemberRow> rfm,
            MemberQuadrant quadrant,
            Optional<ClvService.MemberValue> clv,
            Optional<LtvMember> ltv,
            List<KeptResponse> lastAnswers,
            CommunityEngagementService.EngagementView community) {}

    /**
     * The member's own view: their own purchase figures, answers and community contributions; no scores, segment,
     * quadrant or value.
     */
    public record OwnProfile(
            UUID memberId,
            Currency currency,
            Optional<RfmRepository.Run> run,
            Optional<RfmRepository.MemberRow> purchases,
            List<KeptResponse> lastAnswers,
            CommunityEngagementService.EngagementView community) {}

    private final RfmRepository rfm;
    private final QuadrantService quadrants;
    private final ClvService clv;
    private final LtvService ltv;
    private final MemberAttitudeRepository attitudes;
    private final MemberDirectoryRepository directory;
    private final MemberMergeRepository merges;
    private final CommunityEngagementService community;
    private final MetricsConfig config;
    private final Clock clock = Clock.systemUTC();

    public ProfileService(
            RfmRepository rfm,
            QuadrantService quadrants,
            ClvService clv,
            LtvService ltv,
            MemberAttitudeRepository attitudes,
            MemberDirectoryRepository directory,
            MemberMergeRepository merges,
            CommunityEngagementService community,
            MetricsConfig config) {
        this.rfm = rfm;
        this.quadrants = quadrants;
        this.clv = clv;
        this.ltv = ltv;
        this.attitudes = attitudes;
        this.directory = directory;
        this.merges = merges;
        this.community = community;
        this.config = config;
    }

    /**
     * The brand's view of a member in {@code currency} (null: the program's).
     *
     * @throws io.quarkiverse.resteasy.problem.HttpProblem 404 if nothing is known of the member (no purchase, no
     *                                                     answer, no community contribution); 400 for an unknown
     *                                                     currency
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Profile profile(UUID memberId, String currency) {
        Currency c = PurchaseCurrency.resolve(currency, config.behaviour().currency());
        String code = c.getCurrencyCode();
        LocalDate today = PurchaseCurrency.today(clock, config.behaviour().zone());
        Optional<RfmRepository.MemberRow> scores = rfm.member(code, memberId);
        Optional<LtvMember> value = ltv.findMemberLtv(memberId, c, today, ltv.parameters(c, LtvService.Overrides.NONE));
        List<KeptResponse> answers = attitudes.lastResponses(memberId, LAST_ANSWERS);
        MemberQuadrant quadrant = quadrants.of(memberId, code);
        CommunityEngagementService.EngagementView engagement = community.engagementOf(memberId);
        if (scores.isEmpty()
                && value.isEmpty()
                && answers.isEmpty()
                && quadrant.attitudeType() == null
                && engagement.lastContributionAt() == null) {
            throw unknown(memberId);
        }
        return new Profile(
                memberId,
                c,
                scores.isPresent() ? rfm.run(code) : Optional.empty(),
                scores,
                quadrant,
                clv.find(memberId, code, CLV_HORIZON_WEEKS, today),
                value,
                answers,
                engagement);
    }

    /**
     * The member's own view, found from their token subject.
     *
     * @throws io.quarkiverse.resteasy.problem.HttpProblem 404 if no member with this login is known yet
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public OwnProfile ownProfile(String subject, String currency) {
        Currency c = PurchaseCurrency.resolve(currency, config.behaviour().currency());
        UUID login = directory
                .memberOf(subject)
                .orElseThrow(() -> Problems.notFound(
                        "unknown-member",
                        "Not found",
                        "no member with this login is known to the metrics yet (enrol first; it takes a moment to "
                                + "arrive)"));
        // a login of a member merged into another now shows the member it became
        UUID memberId = merges.survivorOf(login).orElse(login);
        Optional<RfmRepository.MemberRow> purchases = rfm.member(c.getCurrencyCode(), memberId);
        return new OwnProfile(
                memberId,
                c,
                purchases.isPresent() ? rfm.run(c.getCurrencyCode()) : Optional.empty(),
                purchases,
                attitudes.lastResponses(memberId, LAST_ANSWERS),
                community.engagementOf(memberId));
    }

    private static RuntimeException unknown(UUID memberId) {
        return Problems.notFound(
                "unknown-member",
                "Not found",
                "no purchase, answer or community contribution of member " + memberId + " has been recorded");
    }
}
