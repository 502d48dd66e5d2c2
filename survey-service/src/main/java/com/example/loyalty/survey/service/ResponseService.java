package com.example.loyalty.survey.service;

import com.example.loyalty.common.persistence.Transactions;
import com.example.loyalty.common.web.Problems;
import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.SurveyResponded;
import com.example.loyalty.events.Topics;
import com.example.loyalty.messaging.outbox.OutboxWriter;
import com.example.loyalty.survey.config.SurveysConfig;
import com.example.loyalty.survey.domain.Channel;
import com.example.loyalty.survey.domain.GivenAnswer;
import com.example.loyalty.survey.domain.MemberDirectoryEntry;
import com.example.loyalty.survey.domain.StagedAnswer;
import com.example.loyalty.survey.domain.Survey;
import com.example.loyalty.survey.domain.SurveyResponse;
import com.example.loyalty.survey.domain.SurveyStatus;
import com.example.loyalty.survey.domain.Wave;
import com.example.loyalty.survey.repository.MemberDirectoryRepository;
import com.example.loyalty.survey.repository.ParticipationRepository;
import com.example.loyalty.survey.repository.StagedAnswerRepository;
import com.example.loyalty.survey.repository.SurveyRepository;
import com.example.loyalty.survey.repository.SurveyResponseRepository;
import com.example.loyalty.survey.repository.WaveRepository;
import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Accepts responses: answers checked against the questions' scales, the wave open, the caller in its target,
 * one response per member per wave (enforced by a unique key, so also under concurrent submits). A named response
 * and its SurveyResponded event are written in one transaction; an anonymous one is staged with its participation and
 * written, with its event, later by the {@link AnswerMixer}. On any error nothing is written.
 */
@ApplicationScoped
public class ResponseService {

    private final SurveyRepository surveys;
    private final WaveRepository waves;
    private final SurveyResponseRepository responses;
    private final StagedAnswerRepository staged;
    private final ParticipationRepository participations;
    private final MemberDirectoryRepository directory;
    private final Targeting targeting;
    private final SubjectHasher hasher;
    private final OutboxWriter outbox;
    private final SurveysConfig config;
    private final MeterRegistry registry;

    public ResponseService(
            SurveyRepository surveys,
            WaveRepository waves,
            SurveyResponseRepository responses,
            StagedAnswerRepository staged,
            ParticipationRepository participations,
            MemberDirectoryRepository directory,
            Targeting targeting,
            SubjectHasher hasher,
            OutboxWriter outbox,
            SurveysConfig config,
            MeterRegistry registry) {
        this.surveys = surveys;
        this.waves = waves;
        this.responses = responses;
        this.staged = staged;
        this.participations = participations;
        this.directory = directory;
        this.targeting = targeting;
        this.hasher = hasher;
        this.outbox = outbox;
        this.config = config;
        this.registry = registry;
    }

    /** A response as received; {@code waveId} is optional (the open wave is chosen). */
    public record Submission(Map<String, JsonNode> answers, Channel channel, String storeId, UUID waveId) {}

    /**
     * A response as stored: no identity when anonymous; member id and tier when the directory knew them. An anonymous
     * response has no id yet ({@code null}): it gets one, unrelated to this request, when the mixer moves it.
     */
    public record Accepted(
            UUID responseId,
            UUID surveyId,
            UUID waveId,
            boolean anonymous,
            UUID memberId,
            String tier,
            Channel channel,
            String storeId,
            Instant answeredAt,
            List<GivenAnswer> answers) {

        static Accepted of(SurveyResponse r) {
            return new Accepted(
                    r.id,
                    r.surveyId,
                    r.waveId,
                    r.anonymous,
                    r.memberId,
                    r.tier,
                    r.channel,
                    r.storeId,
                    r.answeredAt,
                    List.copyOf(r.answers));
        }
    }

    public Accepted submit(UUID surveyId, String subject, Submission submission) {
        Accepted accepted;
        try {
            accepted = QuarkusTransaction.requiringNew().call(() -> submitOnce(surveyId, subject, submission));
        } catch (HttpProblem problem) {
            registry.counter("loyalty.survey.responses.rejected", "reason", Problems.kindOf(problem))
                    .increment();
            throw problem;
        }
        registry.counter(
                        "loyalty.survey.responses.accepted",
                        "channel",
                        accepted.channel().name(),
                        "anonymous",
                        String.valueOf(accepted.anonymous()))
                .increment();
        return accepted;
    }

    private Accepted submitOnce(UUID surveyId, String subject, Submission submission) {
        Survey survey = surveys.findByIdOptional(surveyId).orElseThrow(() -> SurveyService.unknownSurvey(surveyId));
        List<GivenAnswer> answers = AnswerChecks.check(
                survey.questions, submission.answers(), config.answers().maxTextLength());
        if (survey.status != SurveyStatus.PUBLISHED) {
            throw Problems.conflict(
                    "survey-not-open",
                    "Survey not open",
                    "survey " + surveyId + " is " + survey.status + " and accepts no responses");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Wave wave = wave(survey, submission.waveId(), now);
        MemberDirectoryEntry member = directory.findBySubject(subject).orElse(null);
        if (!targeting.includes(wave, member)) {
            throw Problems.forbidden(
                    "not-in-target",
                    "Not asked in this wave",
                    "wave " + wave.id + " of survey " + surveyId + " does not ask the caller");
        }

        String storeId = submission.storeId() == null || submission.storeId().isBlank()
                ? null
                : submission.storeId().trim();
        if (survey.anonymous) {
            return stageAnonymous(survey, wave, subject, submission.channel(), storeId, answers, now);
        }

        SurveyResponse response = new SurveyResponse();
        response.id = UUID.randomUUID();
        response.surveyId = surveyId;
        response.waveId = wave.id;
        response.anonymous = false;
        response.channel = submission.channel();
        response.storeId = storeId;
        response.answers = answers;
        response.answeredAt = now;
        // a second answer collides with survey_response_one_per_member at the flush below (a 409 then); not
        // looked up first: a second answer is rare, the look-up was a fifth of an answer's cost
        response.subject = subject;
        response.memberId = member != null ? member.memberId : null;
        response.tier = member != null ? member.tier : null;
        // a member whose MemberEnrolled event has not arrived yet: no member id yet, keyed by subject
        String key = response.memberId != null ? response.memberId.toString() : subject;
        responses.persist(response);
        Transactions.flushOrThrow(responses.getEntityManager(), () -> alreadyAnswered(wave));

        String memberId = response.memberId != null ? response.memberId.toString() : null;
        outbox.write(
                Topics.SURVEY_RESPONSES,
                EventTypes.SURVEY_RESPONDED,
                SurveyResponded.SCHEMA_VERSION,
                memberId,
                key,
                new SurveyResponded(
                        response.id,
                        surveyId,
                        wave.id,
                        memberId,
                        response.subject,
                        false,
                        response.tier,
                        response.channel.name(),
                        response.storeId,
                        response.answeredAt,
                        answers.stream().map(ResponseService::eventAnswer).toList()));
        return Accepted.of(response);
    }

    /**
     * An anonymous answer: the participation (one per member per wave) and a staging row, nothing else; no event. The
     * answer reaches survey_response and the event stream later, through the {@link AnswerMixer}, in a shuffled batch
     * of its own transaction, with an id and a time that say nothing of this request. So the caller gets no response
     * id, and the wave must still be open by the database's clock, under a lock that keeps the wave's last flush from
     * passing this answer by.
     */
    private Accepted stageAnonymous(
            Survey survey,
            Wave wave,
            String subject,
            Channel channel,
            String storeId,
            List<GivenAnswer> answers,
            Instant now) {
        if (!staged.lockOpenForAnswer(wave.id)) {
            throw waveNotOpen(wave.id, "CLOSED");
        }
        if (!participations.record(wave.id, hasher.hash(wave.id, subject))) {
            throw alreadyAnswered(wave);
        }
        StagedAnswer answer = new StagedAnswer();
        answer.id = UUID.randomUUID();
        answer.surveyId = survey.id;
        answer.waveId = wave.id;
        answer.channel = channel;
        answer.storeId = storeId;
        answer.answers = answers;
        staged.persist(answer);
        return new Accepted(null, survey.id, wave.id, true, null, null, channel, storeId, now, answers);
    }

    private Wave wave(Survey survey, UUID waveId, Instant now) {
        if (waveId == null) {
            return waves.openOf(survey.id, now)
                    .orElseThrow(() -> Problems.conflict(
                            "no-open-wave", "No open wave", "survey " + survey.id + " has no wave open now"));
        }
        Wave wave = waves.findByIdOptional(waveId)
                .filter(w -> w.surveyId.equals(survey.id))
                .orElseThrow(() -> WaveService.unknownWave(survey.id, waveId));
        if (!wave.isOpenAt(now)) {
            throw waveNotOpen(waveId, wave.statusAt(now).name());
        }
        return wave;
    }

    private static HttpProblem waveNotOpen(UUID waveId, String status) {
        return Problems.conflict("wave-not-open", "Wave not open", "wave " + waveId + " is " + status + ", not OPEN");
    }

    static SurveyResponded.Answer eventAnswer(GivenAnswer a) {
        return new SurveyResponded.Answer(
                a.questionId(),
                a.type().name(),
                a.dimension() != null ? a.dimension().name() : null,
                a.score(),
                a.yes(),
                a.text(),
                a.choice());
    }

    private static HttpProblem alreadyAnswered(Wave wave) {
        return Problems.conflict(
                "already-answered",
                "Already answered",
                "the caller has already answered wave " + wave.id + " ('" + wave.name + "')");
    }
}
