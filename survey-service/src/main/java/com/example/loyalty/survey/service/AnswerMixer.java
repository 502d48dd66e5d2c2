package com.example.loyalty.survey.service;

import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.SurveyResponded;
import com.example.loyalty.events.Topics;
import com.example.loyalty.messaging.outbox.OutboxWriter;
import com.example.loyalty.survey.config.SurveysConfig;
import com.example.loyalty.survey.domain.StagedAnswer;
import com.example.loyalty.survey.domain.SurveyResponse;
import com.example.loyalty.survey.domain.Wave;
import com.example.loyalty.survey.repository.StagedAnswerRepository;
import com.example.loyalty.survey.repository.SurveyResponseRepository;
import com.example.loyalty.survey.repository.WaveRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Moves staged anonymous answers into {@code survey_response}, so that no answer can be joined to its participation
 * (docs/survey-anonymity.md). The request that accepts an anonymous answer writes the participation
 * and a staging row in one transaction; this, in a transaction of its own per wave, takes staged answers of the wave,
 * shuffles them (a {@link SecureRandom}), and writes each to {@code survey_response} with a new random id (UUID v4)
 * and the day as its only time, and its SurveyResponded event to the outbox, in that shuffled order, then deletes the
 * staging rows.
 *
 * <p>Batches, with k = {@code surveys.anonymity.batch-size}: while a wave is open nothing moves until 2k answers are
 * staged; then a random choice of all but k of them moves (at least k), so k always stay behind. Once the wave has
 * ended (closed, or past its closing time) the rest, again at least k, moves as the wave's last batch. So every batch
 * holds at least k answers, and each moved answer was picked from at least 2k staged ones (k at the last batch), unless
 * the whole wave had fewer than k answers: those move together when it ends (the acknowledged answers must arrive; any
 * figure of such a wave tells as much). Metrics of an anonymous wave therefore arrive batch-wise: the first after 2k
 * answers, the last within {@code surveys.anonymity.mix-every} of the wave's end.
 */
@ApplicationScoped
public class AnswerMixer {

    private static final Logger LOG = Logger.getLogger(AnswerMixer.class);

    private final StagedAnswerRepository staged;
    private final SurveyResponseRepository responses;
    private final WaveRepository waves;
    private final OutboxWriter outbox;
    private final SurveysConfig config;
    private final SecureRandom random = new SecureRandom();
    private final Counter mixed;
    private final DistributionSummary batches;

    public AnswerMixer(
            StagedAnswerRepository staged,
            SurveyResponseRepository responses,
            WaveRepository waves,
            OutboxWriter outbox,
            SurveysConfig config,
            MeterRegistry registry) {
        this.staged = staged;
        this.responses = responses;
        this.waves = waves;
        this.outbox = outbox;
        this.config = config;
        this.mixed = Counter.builder("loyalty.survey.anonymous.mixed")
                .description("anonymous answers moved from staging to the responses")
                .register(registry);
        this.batches = DistributionSummary.builder("loyalty.survey.anonymous.batch")
                .description("answers per batch of the answer mixer")
                .register(registry);
    }

    @Scheduled(
            identity = "survey-answer-mixer",
            every = "${surveys.anonymity.mix-every:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledMix() {
        try {
            mixAll();
        } catch (RuntimeException e) {
            LOG.warnf("mixing anonymous answers failed, the next run retries: %s", e.toString());
        }
    }

    /** One pass over every wave with staged answers; returns how many answers moved. */
    public int mixAll() {
        int moved = 0;
        for (UUID waveId : QuarkusTransaction.requiringNew().call(staged::stagedWaves)) {
            moved += QuarkusTransaction.requiringNew().call(() -> mixWave(waveId));
        }
        return moved;
    }

    private int mixWave(UUID waveId) {
        int k = config.anonymity().batchSize();
        boolean last = staged.lockEndedForFlush(waveId);
        if (!last && !staged.lockForMixing(waveId)) {
            return 0; // another mixer has it: the next run
        }
        List<StagedAnswer> waiting = new ArrayList<>(staged.ofWave(waveId));
        if (waiting.isEmpty() || (!last && waiting.size() < 2 * k)) {
            return 0;
        }
        Collections.shuffle(waiting, random);
        List<StagedAnswer> batch = last ? waiting : waiting.subList(0, waiting.size() - k);
        Wave wave = waves.findById(waveId);
        Instant now = Instant.now();
        Instant end = wave.effectiveEnd();
        Instant day = (end.isBefore(now) ? end : now).truncatedTo(ChronoUnit.DAYS);
        for (StagedAnswer answer : batch) {
            write(answer, day);
        }
        responses.flush();
        staged.deleteAll(batch.stream().map(a -> a.id).toList());
        mixed.increment(batch.size());
        batches.record(batch.size());
        LOG.debugf("moved %d anonymous answers of wave %s%s", batch.size(), waveId, last ? " (its last)" : "");
        return batch.size();
    }

    private void write(StagedAnswer staged, Instant day) {
        SurveyResponse response = new SurveyResponse();
        response.id = UUID.randomUUID();
        response.surveyId = staged.surveyId;
        response.waveId = staged.waveId;
        response.anonymous = true;
        response.channel = staged.channel;
        response.storeId = staged.storeId;
        response.answers = List.copyOf(staged.answers);
        response.answeredAt = day;
        responses.persist(response);
        outbox.write(
                Topics.SURVEY_RESPONSES,
                EventTypes.SURVEY_RESPONDED,
                SurveyResponded.SCHEMA_VERSION,
                null,
                UUID.randomUUID().toString(),
                new SurveyResponded(
                        response.id,
                        response.surveyId,
                        response.waveId,
                        null,
                        null,
                        true,
                        null,
                        response.channel.name(),
                        response.storeId,
                        response.answeredAt,
                        response.answers.stream()
                                .map(ResponseService::eventAnswer)
                                .toList()));
    }
}
