package com.example.loyalty.survey.service;

import com.example.loyalty.common.web.Paging;
import com.example.loyalty.common.web.Problems;
import com.example.loyalty.survey.config.SurveysConfig;
import com.example.loyalty.survey.domain.Survey;
import com.example.loyalty.survey.domain.SurveyStatus;
import com.example.loyalty.survey.domain.Wave;
import com.example.loyalty.survey.repository.SurveyRepository;
import com.example.loyalty.survey.repository.WaveRepository;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Survey definitions and their lifecycle: DRAFT → PUBLISHED → CLOSED. Questions change only while DRAFT;
 * publishing opens a first wave; closing ends every wave. Changes to one survey are serialised by a row lock.
 */
@ApplicationScoped
public class SurveyService {

    private final SurveyRepository surveys;
    private final WaveRepository waves;
    private final WaveService waveService;
    private final SurveysConfig config;
    private final MeterRegistry registry;
    private final WaveEvents waveEvents;

    public SurveyService(
            SurveyRepository surveys,
            WaveRepository waves,
            WaveService waveService,
            SurveysConfig config,
            MeterRegistry registry,
            WaveEvents waveEvents) {
        this.waveEvents = waveEvents;
        this.surveys = surveys;
        this.waves = waves;
        this.waveService = waveService;
        this.config = config;
        this.registry = registry;
    }

    /** Options of publishing: the first wave's name, end and target (defaults: "Wave 1", the default window, ALL). */
    public record PublishInput(String waveName, Instant closesAt, WaveService.TargetInput target) {
        public static final PublishInput DEFAULTS = new PublishInput(null, null, null);
    }

    /** A page of surveys, newest first. */
    public record SurveyPage(List<SurveyView> items, int page, int size, long total) {}

    @Transactional
    public SurveyView create(Definitions.Input input, String by) {
        Definitions.Checked checked = Definitions.check(input);
        Instant now = now();
        Survey survey = new Survey();
        survey.id = UUID.randomUUID();
        survey.title = checked.title();
        survey.anonymous = input.anonymous();
        survey.status = SurveyStatus.DRAFT;
        survey.questions = checked.questions();
        survey.createdAt = now;
        survey.createdBy = by;
        survey.updatedAt = now;
        surveys.persist(survey);
        registry.counter("loyalty.survey.lifecycle", "transition", "created").increment();
        return SurveyView.of(survey, null);
    }

    /** Replaces title, anonymity and questions of a DRAFT survey. */
    @Transactional
    public SurveyView update(UUID id, Definitions.Input input) {
        Definitions.Checked checked = Definitions.check(input);
        Survey survey = lock(id);
        if (survey.status != SurveyStatus.DRAFT) {
            throw Problems.conflict(
                    "survey-not-draft",
                    "Survey can no longer change",
                    "survey " + id + " is " + survey.status + "; only a DRAFT survey's definition can change");
        }
        survey.title = checked.title();
        survey.anonymous = input.anonymous();
        survey.questions = checked.questions();
        survey.updatedAt = now();
        return SurveyView.of(survey, null);
    }

    /** DRAFT → PUBLISHED, opening a first wave from now. */
    @Transactional
    public SurveyView publish(UUID id, PublishInput input, String by) {
        Survey survey = lock(id);
        requireTransition(survey, SurveyStatus.DRAFT, SurveyStatus.PUBLISHED);
        Instant now = now();
        Instant closesAt = input.closesAt() != null
                ? input.closesAt()
                : now.plus(config.waves().defaultWindow());
        WaveView first = waveService.open(
                survey, new WaveService.WaveInput(input.waveName(), now, closesAt, input.target()), by);
        survey.status = SurveyStatus.PUBLISHED;
        survey.publishedAt = now;
        survey.updatedAt = now;
        registry.counter("loyalty.survey.lifecycle", "transition", "published").increment();
        return SurveyView.of(survey, first);
    }

    /** PUBLISHED → CLOSED: no more answers; every open or scheduled wave is closed. */
    @Transactional
    public SurveyView close(UUID id) {
        Survey survey = lock(id);
        requireTransition(survey, SurveyStatus.PUBLISHED, SurveyStatus.CLOSED);
        Instant now = now();
        waveEvents.closeRemaining(id, now);
        survey.status = SurveyStatus.CLOSED;
        survey.closedAt = now;
        survey.updatedAt = now;
        registry.counter("loyalty.survey.lifecycle", "transition", "closed").increment();
        return SurveyView.of(survey, null);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SurveyView get(UUID id) {
        Survey survey = surveys.findByIdOptional(id).orElseThrow(() -> unknownSurvey(id));
        WaveView open = waves.openOf(id, Instant.now()).map(waveService::view).orElse(null);
        return SurveyView.of(survey, open);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SurveyPage list(SurveyStatus status, int page, int size) {
        var query = surveys.listed(status);
        List<Survey> found = Paging.window(page, size)
                .map(w -> query.range(w.first(), w.last()).list())
                .orElse(List.of());
        Map<UUID, Wave> open = waves.openOf(found.stream().map(s -> s.id).toList(), Instant.now()).stream()
                .collect(Collectors.toMap(w -> w.surveyId, Function.identity(), (a, b) -> a));
        List<SurveyView> items = found.stream()
                .map(s -> SurveyView.of(s, open.containsKey(s.id) ? waveService.view(open.get(s.id)) : null))
                .toList();
        return new SurveyPage(items, page, size, query.count());
    }

    private Survey lock(UUID id) {
        return surveys.lock(id).orElseThrow(() -> unknownSurvey(id));
    }

    private static void requireTransition(Survey survey, SurveyStatus from, SurveyStatus to) {
        if (survey.status != from) {
            throw Problems.conflict(
                    "invalid-transition",
                    "Invalid status transition",
                    "survey " + survey.id + " is " + survey.status + " and cannot become " + to
                            + "; surveys go DRAFT → PUBLISHED → CLOSED");
        }
    }

    static RuntimeException unknownSurvey(UUID id) {
        return Problems.notFound("unknown-survey", "Unknown survey", "no survey " + id);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
