package com.example.loyalty.points.service;

import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.PointsAwarded;
import com.example.loyalty.events.SurveyResponded;
import com.example.loyalty.events.Topics;
import com.example.loyalty.messaging.outbox.OutboxWriter;
import com.example.loyalty.points.domain.LedgerKind;
import com.example.loyalty.points.domain.Member;
import com.example.loyalty.points.domain.PointAction;
import com.example.loyalty.points.repository.MemberRepository;
import com.example.loyalty.points.repository.SurveyAwardRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Completing a survey earns the points of the SURVEY_ANSWERED action rule valid when the answer was accepted
 * (docs/action-points.md; bootstrapped from {@code points.survey-award.points}, default 50), within the rule's caps,
 * once per member per wave. The member row is locked first, so concurrent deliveries of answers by one member serialise;
 * the {@code (member, wave)} key of {@code survey_award} then makes any redelivery a no-op.
 */
@ApplicationScoped
public class SurveyAwardService {

    private static final Logger LOG = Logger.getLogger(SurveyAwardService.class);
    public static final String REFERENCE_TYPE = "SURVEY";
    /** What the member's ledger says. */
    static final String REASON = "survey answered";

    /** What happened to one survey response. */
    public enum Outcome {
        AWARDED,
        /** Recorded with less than the rule's points, possibly 0: a cap of SURVEY_ANSWERED was reached. */
        CAPPED,
        ALREADY_AWARDED,
        ANONYMOUS,
        UNKNOWN_MEMBER,
        DISABLED
    }

    private final MemberRepository members;
    private final SurveyAwardRepository awards;
    private final Ledger ledger;
    private final OutboxWriter outbox;
    private final ActionRules rules;
    private final ActionAwards actionAwards;
    private final Counter awarded;
    private final Counter pointsAwarded;

    public SurveyAwardService(
            MemberRepository members,
            SurveyAwardRepository awards,
            Ledger ledger,
            OutboxWriter outbox,
            ActionRules rules,
            ActionAwards actionAwards,
            MeterRegistry registry) {
        this.members = members;
        this.awards = awards;
        this.ledger = ledger;
        this.outbox = outbox;
        this.rules = rules;
        this.actionAwards = actionAwards;
        this.awarded = Counter.builder("loyalty.points.survey-awards")
                .description("survey answers that earned points")
                .register(registry);
        this.pointsAwarded = Counter.builder("loyalty.points.awarded")
                .tag("reason", "survey")
                .description("points credited for something other than a purchase")
                .register(registry);
    }

    @Transactional
    public Outcome award(UUID eventId, SurveyResponded response) {
        if (response.anonymous() || (response.memberId() == null && response.subject() == null)) {
            return Outcome.ANONYMOUS;
        }
        Instant now = Instant.now();
        Instant answeredAt =
                response.answeredAt() == null || response.answeredAt().isAfter(now) ? now : response.answeredAt();
        if (rules.at(PointAction.SURVEY_ANSWERED, answeredAt)
                .map(v -> v.points() <= 0)
                .orElse(true)) {
            return Outcome.DISABLED;
        }
        Optional<Member> locked = lockMember(response);
        if (locked.isEmpty()) {
            LOG.infof("survey response %s is from no enrolled member: no points", response.responseId());
            return Outcome.UNKNOWN_MEMBER;
        }
        Member member = locked.get();
        // the points of the SURVEY_ANSWERED rule valid when the answer was accepted, then its caps
        ActionAwards.Quote quote = actionAwards.quote(member, PointAction.SURVEY_ANSWERED, answeredAt);
        long points = quote.credited();
        if (!awards.insertIfAbsent(
                member.id, response.waveId(), response.surveyId(), response.responseId(), eventId, points, now)) {
            return Outcome.ALREADY_AWARDED;
        }
        actionAwards.record(member, quote, response.waveId().toString());
        if (points == 0) {
            return Outcome.CAPPED;
        }
        String reason = ActionAwards.reason(REASON, quote);
        ledger.append(
                member,
                LedgerKind.EARN,
                points,
                REFERENCE_TYPE,
                response.waveId().toString(),
                reason);
        outbox.write(
                Topics.LOYALTY_TRANSACTIONS,
                EventTypes.POINTS_AWARDED,
                PointsAwarded.SCHEMA_VERSION,
                member.id.toString(),
                new PointsAwarded(points, REFERENCE_TYPE, response.waveId().toString(), reason, member.balance));
        awarded.increment();
        pointsAwarded.increment(points);
        return quote.capped() ? Outcome.CAPPED : Outcome.AWARDED;
    }

    private Optional<Member> lockMember(SurveyResponded response) {
        if (response.memberId() != null) {
            try {
                Optional<Member> byId = members.lockById(UUID.fromString(response.memberId()));
                if (byId.isPresent()) {
                    return byId;
                }
            } catch (IllegalArgumentException notAUuid) {
                // fall through to the subject
            }
        }
        return response.subject() == null ? Optional.empty() : members.lockBySubject(response.subject());
    }
}
