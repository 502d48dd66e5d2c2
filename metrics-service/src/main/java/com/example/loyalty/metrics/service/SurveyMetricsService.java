package com.example.loyalty.metrics.service;

import com.example.loyalty.common.web.Problems;
import com.example.loyalty.events.QuestionType;
import com.example.loyalty.metrics.config.MetricsConfig;
import com.example.loyalty.metrics.domain.AnswerCounts;
import com.example.loyalty.metrics.domain.Breakdown;
import com.example.loyalty.metrics.domain.Interval;
import com.example.loyalty.metrics.domain.QuestionMetric;
import com.example.loyalty.metrics.domain.SurveyQuestion;
import com.example.loyalty.metrics.domain.SurveyReport;
import com.example.loyalty.metrics.repository.SurveyAggregateRepository;
import com.example.loyalty.metrics.repository.SurveyAggregateRepository.Cell;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Survey metrics from the aggregates: sums the stored cells of the range (one row per day, question and breakdown
 * value; never the responses) and applies the formulas of {@link QuestionMetric}.
 */
@ApplicationScoped
public class SurveyMetricsService {

    /** What a report covers; every field may be null. */
    public record Query(LocalDate from, LocalDate to, Interval interval, Breakdown by) {}

    private final SurveyAggregateRepository aggregates;
    private final MetricsConfig config;
    private final Clock clock;

    public SurveyMetricsService(SurveyAggregateRepository aggregates, MetricsConfig config) {
        this.aggregates = aggregates;
        this.config = config;
        this.clock = Clock.systemUTC();
    }

    /**
     * The report of {@code surveyId}. Runs without a transaction: the questions and cells come from one statement
     * (one snapshot), and a read needs no commit round trip.
     *
     * @throws io.quarkiverse.resteasy.problem.HttpProblem 404 if no response to the survey has been consumed, 400 if
     *                                                     the range is reversed or has too many periods
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public SurveyReport report(UUID surveyId, Query query) {
        ZoneId zone = config.surveys().zone();
        LocalDate from = query.from();
        LocalDate to = query.to();
        Interval interval = query.interval();
        if (interval != null) {
            to = to != null ? to : LocalDate.now(clock.withZone(zone));
            from = from != null ? from : interval.defaultFrom(to);
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw Problems.badRequest("invalid-range", "Bad request", "from (" + from + ") is after to (" + to + ")");
        }
        if (interval != null
                && interval.periodsBetween(from, to) > config.surveys().maxPeriods()) {
            throw Problems.badRequest(
                    "invalid-range",
                    "Bad request",
                    "from " + from + " to " + to + " has more than "
                            + config.surveys().maxPeriods() + " " + interval.wireName() + " periods");
        }
        Breakdown by = query.by();
        SurveyAggregateRepository.Counts counts =
                aggregates.counts(surveyId, by == null ? Breakdown.ALL : by, from, to, interval);
        List<SurveyQuestion> questions = counts.questions();
        if (questions.isEmpty()) {
            throw Problems.notFound(
                    "unknown-survey", "Not found", "no response to survey " + surveyId + " has been counted");
        }
        List<Cell> cells = counts.cells();

        Map<String, AnswerCounts> overall = new HashMap<>();
        Map<String, Map<String, AnswerCounts>> groups = new TreeMap<>();
        Map<LocalDate, Map<String, AnswerCounts>> periods = new HashMap<>();
        Map<LocalDate, Map<String, Map<String, AnswerCounts>>> periodGroups = new HashMap<>();
        for (Cell c : cells) {
            add(overall, c);
            if (by != null) {
                add(groups.computeIfAbsent(c.value(), k -> new HashMap<>()), c);
            }
            if (interval != null) {
                add(periods.computeIfAbsent(c.period(), k -> new HashMap<>()), c);
                if (by != null) {
                    add(
                            periodGroups
                                    .computeIfAbsent(c.period(), k -> new TreeMap<>())
                                    .computeIfAbsent(c.value(), k -> new HashMap<>()),
                            c);
                }
            }
        }

        List<SurveyReport.Period> periodList = null;
        if (interval != null) {
            periodList = new ArrayList<>();
            for (LocalDate start = interval.start(from); !start.isAfter(to); start = interval.next(start)) {
                LocalDate end = interval.next(start).minusDays(1);
                periodList.add(new SurveyReport.Period(
                        start.isBefore(from) ? from : start,
                        end.isAfter(to) ? to : end,
                        metrics(questions, periods.getOrDefault(start, Map.of())),
                        by == null ? null : groups(questions, periodGroups.getOrDefault(start, Map.of()))));
            }
        }
        return new SurveyReport(
                surveyId,
                zone,
                from,
                to,
                interval,
                by,
                metrics(questions, overall),
                periodList,
                by == null ? null : groups(questions, groups));
    }

    private List<SurveyReport.Group> groups(
            List<SurveyQuestion> questions, Map<String, Map<String, AnswerCounts>> byValue) {
        List<SurveyReport.Group> list = new ArrayList<>(byValue.size());
        byValue.forEach((value, counts) -> list.add(new SurveyReport.Group(value, metrics(questions, counts))));
        return list;
    }

    /** The metric of every question (n = 0 for those without answers), then the overall CSI if there are items. */
    private List<QuestionMetric> metrics(List<SurveyQuestion> questions, Map<String, AnswerCounts> counts) {
        List<QuestionMetric> list = new ArrayList<>(questions.size() + 1);
        AnswerCounts csi = null;
        for (SurveyQuestion q : questions) {
            AnswerCounts c = counts.getOrDefault(q.questionId(), new AnswerCounts());
            list.add(QuestionMetric.of(q.questionId(), q.type(), q.dimension(), false, c, minimumSample(q.type())));
            if (q.type() == QuestionType.CSI) {
                csi = (csi == null ? new AnswerCounts() : csi).plus(c);
            }
        }
        if (csi != null) {
            list.add(QuestionMetric.of(
                    QuestionMetric.CSI_OVERALL_ID, QuestionType.CSI, null, true, csi, minimumSample(QuestionType.CSI)));
        }
        return list;
    }

    private int minimumSample(QuestionType type) {
        return type == QuestionType.CSI
                ? config.surveys().minimumSampleCsi()
                : config.surveys().minimumSample();
    }

    private static void add(Map<String, AnswerCounts> into, Cell c) {
        AnswerCounts existing = into.get(c.questionId());
        if (existing == null) {
            into.put(c.questionId(), new AnswerCounts().plus(c.counts()));
        } else {
            existing.plus(c.counts());
        }
    }
}
