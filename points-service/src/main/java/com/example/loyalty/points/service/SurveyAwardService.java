package com.example.loyalty.points.service;

import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.PointsAwarded;
import com.example.loyalty.events.SurveyResponded;
import com.example.loyalty.events.Topics;
import com.example.loyalty.messaging.outbox.OutboxWriter;
import com.example.loyalty.points.config.PointsConfig;
import com.example.loyalty.points.domain.LedgerKind;
import com.example.loyalty.points.domain.Member;
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
 * Completing a survey earns a fixed award ({@code points.survey-award.points}, default 50), once per member
 * per wave. The member row is locked first, so concurrent deliveries of answers by one member serialise;
 * the {@code (member, wave)} key of {@code survey_award} then makes any redelivery a no-op.
 */
@ApplicationScoped
public class SurveyAwardService {

    private static final Logger LOG = Logger.getLogger(SurveyAwardService.class);
    public static final String REFERENCE_TYPE = "SURVEY";

    /** What happened to one survey response. */
    public enum Outcome {
        AWARDED,
        ALREADY_AWARDED,
        ANONYMOUS,
        UNKNOWN_MEMBER,
        DISABLED
    }

    private final MemberRepository members;
    private final SurveyAwardRepository awards;
    private final Ledger ledger;
    private final OutboxWriter outbox;
    private final PointsConfig config;
    private final Counter awarded;
    private final Counter pointsAwarded;

    public SurveyAwardService(
            MemberRepository members,
            SurveyAwardRepository awards,
            Ledger ledger,
            OutboxWriter outbox,
            PointsConfig config,
            MeterRegistry registry) {
        this.members = members;
        this.awards = awards;
        this.ledger = ledger;
        this.outbox = outbox;
        this.config = config;
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
        long points = config.surveyAward().points();
        if (points <= 0) {
            return Outcome.DISABLED;
        }
        if (response.anonymous() || (response.memberId() == null && response.subject() == null)) {
            return Outcome.ANONYMOUS;
        }
        Optional<Member> locked = lockMember(response);
        if (locked.isEmpty()) {
            LOG.infof("survey response %s is from no enrolled member: no points", response.responseId());
            return Outcome.UNKNOWN_MEMBER;
        }
        Member member = locked.get();
        Instant now = Instant.now();
        if (!awards.insertIfAbsent(
                member.id, response.waveId(), response.surveyId(), response.responseId(), eventId, points, now)) {
            return Outcome.ALREADY_AWARDED;
        }
        ledger.append(
                member,
                LedgerKind.EARN,
                points,
                REFERENCE_TYPE,
                response.waveId().toString(),
                "survey answered");
        outbox.write(
                Topics.LOYALTY_TRANSACTIONS,
                EventTypes.POINTS_AWARDED,
                PointsAwarded.SCHEMA_VERSION,
                member.id.toString(),
                new PointsAwarded(
                        points, REFERENCE_TYPE, response.waveId().toString(), "survey answered", member.balance));
        awarded.increment();
        pointsAwarded.increment(points);
        return Outcome.AWARDED;
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
