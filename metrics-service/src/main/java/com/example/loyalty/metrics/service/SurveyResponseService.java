package com.example.loyalty.metrics.service;

import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.FollowUpOpened;
import com.example.loyalty.events.QuestionType;
import com.example.loyalty.events.Topics;
import com.example.loyalty.messaging.inbox.Inbox;
import com.example.loyalty.messaging.outbox.OutboxWriter;
import com.example.loyalty.metrics.config.MetricsConfig;
import com.example.loyalty.metrics.domain.FollowUpKind;
import com.example.loyalty.metrics.domain.SurveyCells;
import com.example.loyalty.metrics.domain.SurveyQuestion;
import com.example.loyalty.metrics.domain.ValidatedResponse;
import com.example.loyalty.metrics.repository.FollowUpRepository;
import com.example.loyalty.metrics.repository.FollowUpRepository.NewFollowUp;
import com.example.loyalty.metrics.repository.MemberActivityRepository;
import com.example.loyalty.metrics.repository.MemberAttitudeRepository;
import com.example.loyalty.metrics.repository.MemberDirectoryRepository;
import com.example.loyalty.metrics.repository.MemberMergeRepository;
import com.example.loyalty.metrics.repository.SurveyAggregateRepository;
import com.example.loyalty.metrics.repository.SurveyAggregateRepository.QuestionOf;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Counts a batch of survey responses into the aggregates and opens the follow-up items of its unhappy answers, in
 * one transaction: every event id is recorded in the inbox ({@link Inbox}, as consumer {@code survey-responses}) in
 * the same transaction, so a redelivered response changes nothing, and each FollowUpOpened event is written to the
 * outbox with its item.
 */
@ApplicationScoped
public class SurveyResponseService {

    /** A valid SurveyResponded event at position {@code index} of the batch. */
    public record IncomingResponse(int index, ValidatedResponse response) {}

    /** An event of another type on the topic: recorded as processed and otherwise ignored. */
    public record OtherEvent(int index, UUID eventId, String type) {}

    /** A response refused because of its content: it is not recorded as processed. */
    public record Rejected(int index, String reason) {}

    /** What a batch did. */
    public record Outcome(
            int applied,
            int duplicates,
            int ignored,
            List<Rejected> rejected,
            Map<FollowUpKind, Integer> followUpsOpened) {}

    private final Inbox inbox;
    private final MemberActivityRepository members;
    private final SurveyAggregateRepository aggregates;
    private final FollowUpRepository followUps;
    private final MemberAttitudeRepository attitudes;
    private final OutboxWriter outbox;
    private final MetricsConfig config;
    private final MemberMergeRepository merges;
    private final MemberDirectoryRepository directory;

    public SurveyResponseService(
            Inbox inbox,
            MemberActivityRepository members,
            SurveyAggregateRepository aggregates,
            FollowUpRepository followUps,
            MemberAttitudeRepository attitudes,
            OutboxWriter outbox,
            MetricsConfig config,
            MemberMergeRepository merges,
            MemberDirectoryRepository directory) {
        this.inbox = inbox;
        this.members = members;
        this.aggregates = aggregates;
        this.followUps = followUps;
        this.attitudes = attitudes;
        this.outbox = outbox;
        this.config = config;
        this.merges = merges;
        this.directory = directory;
    }

    /**
     * Applies a batch. A response whose question types contradict what the survey is known to ask (a question
     * that was NPS answered as CSI) is rejected and changes nothing; the others are applied once each.
     */
    @Transactional
    public Outcome apply(List<IncomingResponse> responses, List<OtherEvent> others) {
        // 1. one entry per event id: a record repeated within the batch is a duplicate like any redelivery
        Set<UUID> inBatch = new HashSet<>();
        int duplicates = 0;
        List<IncomingResponse> unique = new ArrayList<>(responses.size());
        for (IncomingResponse r : responses) {
            if (inBatch.add(r.response().eventId())) {
                unique.add(r);
            } else {
                duplicates++;
            }
        }
        List<OtherEvent> uniqueOthers = new ArrayList<>(others.size());
        for (OtherEvent o : others) {
            if (inBatch.add(o.eventId())) {
                uniqueOthers.add(o);
            } else {
                duplicates++;
            }
        }

        // 2. question types must not change
        Set<UUID> surveyIds = new HashSet<>();
        unique.forEach(r -> surveyIds.add(r.response().surveyId()));
        Map<UUID, Map<String, SurveyQuestion>> known = aggregates.questionsOf(surveyIds);
        Map<UUID, Map<String, QuestionType>> types = new HashMap<>();
        known.forEach((s, qs) -> qs.forEach(
                (id, q) -> types.computeIfAbsent(s, k -> new HashMap<>()).put(id, q.type())));
        List<Rejected> rejected = new ArrayList<>();
        List<IncomingResponse> accepted = new ArrayList<>(unique.size());
        for (IncomingResponse r : unique) {
            String conflict = conflict(r.response(), types);
            if (conflict != null) {
                rejected.add(new Rejected(r.index(), conflict));
            } else {
                accepted.add(r);
            }
        }

        // 3. drop what was processed before
        List<UUID> ids = new ArrayList<>(accepted.size() + uniqueOthers.size());
        List<String> eventTypes = new ArrayList<>(ids.size());
        accepted.forEach(r -> {
            ids.add(r.response().eventId());
            eventTypes.add(EventTypes.SURVEY_RESPONDED);
        });
        uniqueOthers.forEach(o -> {
            ids.add(o.eventId());
            eventTypes.add(o.type());
        });
        Set<UUID> fresh = inbox.markAllProcessed(Topics.SURVEY_RESPONSES, ids, eventTypes);
        List<ValidatedResponse> apply = new ArrayList<>(fresh.size());
        for (IncomingResponse r : accepted) {
            if (fresh.contains(r.response().eventId())) {
                apply.add(r.response());
            } else {
                duplicates++;
            }
        }
        int ignored = 0;
        for (OtherEvent o : uniqueOthers) {
            if (fresh.contains(o.eventId())) {
                ignored++;
            } else {
                duplicates++;
            }
        }
        if (apply.isEmpty()) {
            return new Outcome(0, duplicates, ignored, rejected, Map.of());
        }

        // 4. a member merged into another is the survivor; the answer of a member who asked to be forgotten opens
        // its follow-up without their subject or free text
        merges.lockShared();
        Set<UUID> named = new HashSet<>();
        apply.stream().filter(r -> r.memberId() != null).forEach(r -> named.add(r.memberId()));
        Map<UUID, UUID> survivors = merges.survivorsOf(named);
        if (!survivors.isEmpty()) {
            apply = apply.stream()
                    .map(r -> survivors.containsKey(r.memberId()) ? r.withMember(survivors.get(r.memberId())) : r)
                    .toList();
            named.clear();
            apply.stream().filter(r -> r.memberId() != null).forEach(r -> named.add(r.memberId()));
        }
        Set<UUID> erased = directory.erasedAmong(named);
        java.time.Instant now = java.time.Instant.now();

        // 5. the tier as of the answer: the event's, else the member's tier known from loyalty-transactions
        Set<UUID> needTier = new HashSet<>();
        apply.stream().filter(r -> r.tier() == null && r.memberId() != null).forEach(r -> needTier.add(r.memberId()));
        Map<UUID, String> knownTiers = members.tiersOf(needTier);

        // 6. aggregates and questions
        SurveyCells cells = new SurveyCells(config.surveys().zone());
        Map<List<Object>, QuestionOf> questions = new LinkedHashMap<>();
        List<NewFollowUp> items = new ArrayList<>();
        for (ValidatedResponse r : apply) {
            String tier = r.tier() != null ? r.tier() : r.memberId() == null ? null : knownTiers.get(r.memberId());
            cells.add(r, tier);
            collectQuestions(r, known, questions);
            for (ValidatedResponse.Answer a : r.answers()) {
                FollowUpKind kind = FollowUpKind.of(a.type(), a.score(), a.yes());
                boolean forgotten = r.memberId() != null && erased.contains(r.memberId());
                if (kind != null) {
                    items.add(new NewFollowUp(
                            UUID.randomUUID(),
                            r.responseId(),
                            r.surveyId(),
                            r.waveId(),
                            a.questionId(),
                            a.type(),
                            kind,
                            a.score(),
                            r.memberId(),
                            forgotten ? null : r.subject(),
                            r.storeId(),
                            r.channel(),
                            tier,
                            forgotten ? null : r.reason(),
                            r.answeredAt(),
                            forgotten ? now : null));
                }
            }
        }
        List<QuestionOf> newQuestions = new ArrayList<>(questions.values());
        newQuestions.sort(Comparator.comparing(QuestionOf::surveyId)
                .thenComparing(q -> q.question().questionId()));
        aggregates.upsertQuestions(newQuestions);
        aggregates.add(cells);
        attitudes.keepAll(apply);

        // 7. follow-ups, each announced through the outbox in this transaction
        Map<FollowUpKind, Integer> opened = new EnumMap<>(FollowUpKind.class);
        Set<UUID> openedIds = followUps.openAll(items);
        for (NewFollowUp f : items) {
            if (openedIds.contains(f.id())) {
                String member = f.memberId() == null ? null : f.memberId().toString();
                String key = member != null ? member : f.id().toString();
                outbox.write(
                        Topics.LOYALTY_INSIGHTS,
                        EventTypes.FOLLOW_UP_OPENED,
                        FollowUpOpened.SCHEMA_VERSION,
                        member,
                        key,
                        new FollowUpOpened(
                                f.id(),
                                f.responseId(),
                                f.surveyId(),
                                f.questionId(),
                                f.kind().name(),
                                f.score(),
                                f.reason(),
                                f.storeId()));
                opened.merge(f.kind(), 1, Integer::sum);
            }
        }
        return new Outcome(apply.size(), duplicates, ignored, rejected, opened);
    }

    /** Why {@code r} contradicts the known question types (recording its new questions), or null. */
    private static String conflict(ValidatedResponse r, Map<UUID, Map<String, QuestionType>> types) {
        Map<String, QuestionType> survey = types.computeIfAbsent(r.surveyId(), k -> new HashMap<>());
        for (ValidatedResponse.Answer a : r.answers()) {
            QuestionType knownType = survey.get(a.questionId());
            if (knownType != null && knownType != a.type()) {
                return "question " + a.questionId() + " of survey " + r.surveyId() + " is " + knownType
                        + ", the response answers it as " + a.type();
            }
        }
        for (ValidatedResponse.Answer a : r.answers()) {
            survey.putIfAbsent(a.questionId(), a.type());
        }
        return null;
    }

    /** Adds the questions of {@code r} that are new, or placed later or with a dimension where known had none. */
    private static void collectQuestions(
            ValidatedResponse r, Map<UUID, Map<String, SurveyQuestion>> known, Map<List<Object>, QuestionOf> out) {
        Map<String, SurveyQuestion> survey = known.getOrDefault(r.surveyId(), Map.of());
        List<ValidatedResponse.Answer> answers = r.answers();
        for (int i = 0; i < answers.size(); i++) {
            ValidatedResponse.Answer a = answers.get(i);
            SurveyQuestion k = survey.get(a.questionId());
            List<Object> key = List.of(r.surveyId(), a.questionId());
            QuestionOf pending = out.get(key);
            SurveyQuestion best = pending != null ? pending.question() : k;
            if (best == null || i > best.position() || (best.dimension() == null && a.dimension() != null)) {
                int position = best == null ? i : Math.max(i, best.position());
                String dimension = best != null && best.dimension() != null ? best.dimension() : a.dimension();
                out.put(
                        key,
                        new QuestionOf(
                                r.surveyId(), new SurveyQuestion(a.questionId(), a.type(), dimension, position)));
            }
        }
    }
}
