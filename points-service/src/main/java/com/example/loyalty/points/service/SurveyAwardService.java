package com.example.loyalty.points.service;

import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.PointsAwarded;
import com.example.loyalty.events.SurveyResponded;
import com.example.loyalty.events.Topics;
import com.example.loyalty.messaging.outbox.OutboxWriter;
import com.example.loyalty.points.config.PointsConfig;
import com.example.loyalty.points.domain.LedgerKind;
import com.example.loyalty.points.domain.Member;
import com.example.loyalty.points.domain.PointAction;
import com.example.loyalty.points.repository.MemberRepository;
import com.example.loyalty.points.repository.SurveyAwardRepository;
import com.example.loyalty.points.repository.SurveyWaveRepository;
import com.example.loyalty.points.repository.SurveyWaveRepository.Held;
import com.example.loyalty.points.repository.SurveyWaveRepository.Wave;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Completing a survey earns the points of the SURVEY_ANSWERED action rule valid when the answer was accepted
 * (docs/action-points.md; bootstrapped from {@code points.survey-award.points}, default 50), within the rule's caps,
 * once per member per wave, and only:
 * <ul>
 * <li>for a wave survey-service published on survey-waves ({@code survey_wave}), of the answer's survey, with the answer
 * given inside the wave's window. An answer whose wave is not known yet is <em>held</em> ({@code survey_response_held})
 * and awarded when the wave arrives ({@link #release}); one whose wave never arrives (a forged record) is pruned after
 * {@code points.survey-award.hold-for} and earns nothing;</li>
 * <li>once per member per survey within {@code points.survey-award.per-survey-period} (30 days): an answer given less
 * than that before or after an answer to another wave of the survey that earned points is recorded with 0 points, so
 * closing a wave and opening the next does not pay the same members again.</li>
 * </ul>
 * The wave is locked first (an advisory lock, so a held answer and its wave never miss each other), then the member
 * row, so concurrent deliveries of answers by one member serialise; the {@code (member, wave)} key of
 * {@code survey_award} then makes any redelivery a no-op.
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
        /** Recorded with 0 points: the member earned for another wave of the survey within the period. */
        SURVEY_CAPPED,
        ALREADY_AWARDED,
        ANONYMOUS,
        UNKNOWN_MEMBER,
        DISABLED,
        /** Its wave is not known yet: held until the wave arrives. */
        HELD,
        /** Its wave is known but is of another survey, or the answer was given outside the wave's window. */
        NOT_IN_WAVE
    }

    /** One answer to award: its event id (the award's idempotency record) and the response. */
    public record Answer(UUID eventId, SurveyResponded response) {}

    private final MemberRepository members;
    private final SurveyAwardRepository awards;
    private final SurveyWaveRepository waves;
    private final Ledger ledger;
    private final OutboxWriter outbox;
    private final ActionRules rules;
    private final ActionAwards actionAwards;
    private final PointsConfig config;
    private final Counter awarded;
    private final Counter pointsAwarded;
    private final Counter held;
    private final Counter notInWave;
    private final Counter surveyCapped;

    public SurveyAwardService(
            MemberRepository members,
            SurveyAwardRepository awards,
            SurveyWaveRepository waves,
            Ledger ledger,
            OutboxWriter outbox,
            ActionRules rules,
            ActionAwards actionAwards,
            PointsConfig config,
            MeterRegistry registry) {
        this.members = members;
        this.awards = awards;
        this.waves = waves;
        this.ledger = ledger;
        this.outbox = outbox;
        this.rules = rules;
        this.actionAwards = actionAwards;
        this.config = config;
        this.awarded = Counter.builder("loyalty.points.survey-awards")
                .description("survey answers that earned points")
                .register(registry);
        this.pointsAwarded = Counter.builder("loyalty.points.awarded")
                .tag("reason", "survey")
                .description("points credited for something other than a purchase")
                .register(registry);
        this.held = Counter.builder("loyalty.points.survey-responses.held")
                .description("survey answers held because their wave was not known yet")
                .register(registry);
        this.notInWave = unawarded(registry, "not-in-wave");
        this.surveyCapped = unawarded(registry, "survey-cap");
        unawarded(registry, SurveyHolds.NEVER_PUBLISHED);
    }

    /** The counter of answers that earned nothing for {@code reason}; {@link SurveyHolds} counts the pruned ones. */
    static Counter unawarded(MeterRegistry registry, String reason) {
        return Counter.builder("loyalty.points.survey-responses.unawarded")
                .tag("reason", reason)
                .description("named survey answers that earned nothing because of where or when they were given")
                .register(registry);
    }

    @Transactional
    public Outcome award(UUID eventId, SurveyResponded response) {
        return awardAll(List.of(new Answer(eventId, response))).get(0);
    }

    /**
     * Awards answers (a poll's), in the caller's transaction or a new one: locks their waves first, in one order, then
     * awards each in turn. Returns the outcomes in the order given.
     */
    @Transactional
    public List<Outcome> awardAll(List<Answer> answers) {
        waves.lock(answers.stream()
                .filter(a -> named(a.response()))
                .map(a -> a.response().waveId())
                .toList());
        List<Outcome> outcomes = new ArrayList<>(answers.size());
        for (Answer a : answers) {
            outcomes.add(awardOne(a.eventId(), a.response()));
        }
        return outcomes;
    }

    /**
     * In the transaction that learnt the wave (or its close): awards the answers held for it, each as if it had arrived
     * after the wave. Returns how many earned points.
     */
    @Transactional
    public int release(UUID waveId) {
        waves.lock(List.of(waveId));
        Optional<Wave> wave = waves.find(waveId);
        if (wave.isEmpty()) {
            return 0;
        }
        int earned = 0;
        for (Held h : waves.release(waveId)) {
            SurveyResponded response = new SurveyResponded(
                    h.responseId(),
                    h.surveyId(),
                    h.waveId(),
                    h.memberId(),
                    h.subject(),
                    false,
                    null,
                    null,
                    null,
                    h.answeredAt(),
                    List.of());
            Outcome outcome = awardIn(wave.get(), h.eventId(), response);
            LOG.debugf("held survey response %s, wave %s now known: %s", h.responseId(), waveId, outcome);
            if (outcome == Outcome.AWARDED || outcome == Outcome.CAPPED) {
                earned++;
            }
        }
        return earned;
    }

    private static boolean named(SurveyResponded response) {
        return !response.anonymous() && (response.memberId() != null || response.subject() != null);
    }

    private Outcome awardOne(UUID eventId, SurveyResponded response) {
        if (!named(response)) {
            return Outcome.ANONYMOUS;
        }
        if (response.answeredAt() == null) {
            LOG.warnf("survey response %s without answeredAt: no points", response.responseId());
            notInWave.increment();
            return Outcome.NOT_IN_WAVE; // no window holds it, whatever wave comes
        }
        Optional<Wave> wave = waves.find(response.waveId());
        if (wave.isEmpty()) {
            if (waves.hold(
                    new Held(
                            eventId,
                            response.responseId(),
                            response.surveyId(),
                            response.waveId(),
                            response.memberId(),
                            response.subject(),
                            response.answeredAt()),
                    Instant.now())) {
                held.increment();
            }
            LOG.debugf(
                    "survey response %s names wave %s, not published (yet): held",
                    response.responseId(), response.waveId());
            return Outcome.HELD;
        }
        return awardIn(wave.get(), eventId, response);
    }

    /** Awards an answer to a known wave; the wave is locked. */
    private Outcome awardIn(Wave wave, UUID eventId, SurveyResponded response) {
        if (!wave.surveyId().equals(response.surveyId()) || !wave.accepts(response.answeredAt())) {
            LOG.warnf(
                    "survey response %s (survey %s, answered %s) is not in wave %s as published (survey %s, %s - %s):"
                            + " no points",
                    response.responseId(),
                    response.surveyId(),
                    response.answeredAt(),
                    wave.waveId(),
                    wave.surveyId(),
                    wave.opensAt(),
                    wave.end());
            notInWave.increment();
            return Outcome.NOT_IN_WAVE;
        }
        Instant now = Instant.now();
        Instant answeredAt = response.answeredAt().isAfter(now) ? now : response.answeredAt();
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
        Duration period = config.surveyAward().perSurveyPeriod();
        if (!period.isZero()
                && !period.isNegative()
                && awards.paidWithin(
                        member.id,
                        response.surveyId(),
                        response.waveId(),
                        response.answeredAt().minus(period),
                        response.answeredAt().plus(period))) {
            // recorded, so the wave's key is taken and the next delivery is a plain duplicate
            if (!awards.insertIfAbsent(
                    member.id,
                    response.waveId(),
                    response.surveyId(),
                    response.responseId(),
                    eventId,
                    0,
                    response.answeredAt(),
                    now)) {
                return Outcome.ALREADY_AWARDED;
            }
            LOG.infof(
                    "survey response %s: member %s earned for survey %s within %s already: no points",
                    response.responseId(), member.id, response.surveyId(), period);
            surveyCapped.increment();
            return Outcome.SURVEY_CAPPED;
        }
        // the points of the SURVEY_ANSWERED rule valid when the answer was accepted, then its caps
        ActionAwards.Quote quote = actionAwards.quote(member, PointAction.SURVEY_ANSWERED, answeredAt);
        long points = quote.credited();
        if (!awards.insertIfAbsent(
                member.id,
                response.waveId(),
                response.surveyId(),
                response.responseId(),
                eventId,
                points,
                response.answeredAt(),
                now)) {
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
