package com.example.loyalty.metrics.messaging;

import com.example.loyalty.events.Topics;
import com.example.loyalty.messaging.consumer.DeadLetters;
import com.example.loyalty.messaging.consumer.DeadLetters.DeadLetter;
import com.example.loyalty.messaging.consumer.EventConsumer;
import com.example.loyalty.metrics.domain.FollowUpKind;
import com.example.loyalty.metrics.service.SurveyResponseService;
import com.example.loyalty.metrics.service.SurveyResponseService.IncomingResponse;
import com.example.loyalty.metrics.service.SurveyResponseService.OtherEvent;
import com.example.loyalty.metrics.service.SurveyResponseService.Outcome;
import com.example.loyalty.metrics.service.SurveyResponseService.Rejected;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@link Topics#SURVEY_RESPONSES} in batches (the channel has the topic's name and {@code batch=true}) on
 * a worker thread, one batch at a time: every record is read and checked first, the valid ones are applied in one
 * transaction ({@link SurveyResponseService#apply}, which records them in the inbox), then the poison ones are
 * written to {@code survey-responses.dlq} ({@link DeadLetters}) and the batch is acknowledged.
 * <p>
 * The batch transaction has the retries of the shared consumer idiom ({@link EventConsumer#retrying}): a failure that
 * passes by itself (the database away) is waited out however long it lasts, so it never dead-letters a good record.
 * A batch that keeps failing otherwise is applied record by record, with the same retries, so one record the checks
 * missed cannot hold back the others; a record that still fails is dead-lettered. Rejected records are counted like
 * those of every other consumer ({@link EventConsumer#rejected}).
 */
@Startup // created at start so its counters are there from the first scrape
@ApplicationScoped
public class SurveyResponsesConsumer {

    /** Where poison survey-responses records go. */
    static final String DLQ = Topics.SURVEY_RESPONSES + ".dlq";

    private static final Logger LOG = Logger.getLogger(SurveyResponsesConsumer.class);
    /** The consumer's name in the inbox and on the meters: its channel. */
    private static final String CONSUMER = Topics.SURVEY_RESPONSES;

    private final SurveyResponseService service;
    private final DeadLetters deadLetters;
    private final EventConsumer consumer;
    private final MeterRegistry registry;
    private final DistributionSummary batchSize;
    private final Timer batchTime;

    public SurveyResponsesConsumer(
            SurveyResponseService service, DeadLetters deadLetters, EventConsumer consumer, MeterRegistry registry) {
        this.service = service;
        this.deadLetters = deadLetters;
        this.consumer = consumer;
        this.registry = registry;
        this.batchSize = DistributionSummary.builder("loyalty.metrics.survey-responses.batch.size")
                .description("records per survey-responses batch")
                .register(registry);
        this.batchTime = Timer.builder("loyalty.metrics.survey-responses.batch.duration")
                .description("time to apply one survey-responses batch")
                .register(registry);
        for (FollowUpKind kind : FollowUpKind.values()) {
            registry.counter("loyalty.metrics.follow-ups.opened", "kind", kind.name());
        }
    }

    @Incoming(Topics.SURVEY_RESPONSES)
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        List<ConsumerRecord<String, String>> batch = new ArrayList<>(records.count());
        records.forEach(batch::add);
        process(batch);
    }

    /** Applies one batch; returns once its poison records are on the dead-letter topic. */
    public void process(List<ConsumerRecord<String, String>> batch) {
        if (batch.isEmpty()) {
            return;
        }
        Timer.Sample sample = Timer.start(registry);
        batchSize.record(batch.size());
        List<IncomingResponse> responses = new ArrayList<>(batch.size());
        List<OtherEvent> others = new ArrayList<>();
        List<DeadLetter> dead = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            ConsumerRecord<String, String> record = batch.get(i);
            SurveyEventReader.Read read = SurveyEventReader.read(record.value());
            if (read instanceof SurveyEventReader.Valid v) {
                responses.add(new IncomingResponse(i, v.response()));
            } else if (read instanceof SurveyEventReader.Other o) {
                others.add(new OtherEvent(i, o.eventId(), o.type()));
            } else if (read instanceof SurveyEventReader.Poison p) {
                dead.add(new DeadLetter(record, DLQ, p.cause(), p.reason()));
            }
        }
        if (!responses.isEmpty() || !others.isEmpty()) {
            try {
                count(consumer.retrying(CONSUMER, () -> service.apply(responses, others)), batch, dead);
            } catch (RuntimeException e) {
                LOG.warnf(
                        "a batch of %d survey responses still failed after its retries, applying them one by one: %s",
                        batch.size(), e.toString());
                oneByOne(batch, responses, others, dead);
            }
        }
        if (!dead.isEmpty()) {
            dead.sort(Comparator.comparingLong(d -> d.record().offset()));
            for (DeadLetter d : dead) {
                ConsumerRecord<String, String> r = d.record();
                consumer.rejected(
                        CONSUMER,
                        d.cause(),
                        "record " + r.topic() + "-" + r.partition() + "@" + r.offset() + ": " + d.reason());
            }
            deadLetters.send(dead);
        }
        long took = sample.stop(batchTime);
        LOG.debugf(
                "%d survey-responses records handled in %d ms (%d dead-lettered)",
                batch.size(), took / 1_000_000, dead.size());
    }

    private void oneByOne(
            List<ConsumerRecord<String, String>> batch,
            List<IncomingResponse> responses,
            List<OtherEvent> others,
            List<DeadLetter> dead) {
        for (IncomingResponse r : responses) {
            try {
                count(consumer.retrying(CONSUMER, () -> service.apply(List.of(r), List.of())), batch, dead);
            } catch (RuntimeException e) {
                dead.add(new DeadLetter(batch.get(r.index()), DLQ, "failed", e.toString()));
            }
        }
        for (OtherEvent o : others) {
            try {
                count(consumer.retrying(CONSUMER, () -> service.apply(List.of(), List.of(o))), batch, dead);
            } catch (RuntimeException e) {
                dead.add(new DeadLetter(batch.get(o.index()), DLQ, "failed", e.toString()));
            }
        }
    }

    private void count(Outcome outcome, List<ConsumerRecord<String, String>> batch, List<DeadLetter> dead) {
        for (Rejected r : outcome.rejected()) {
            dead.add(new DeadLetter(batch.get(r.index()), DLQ, "unprocessable", r.reason()));
        }
        consumer.consumed(CONSUMER, EventConsumer.Outcome.APPLIED, outcome.applied());
        consumer.consumed(CONSUMER, EventConsumer.Outcome.IGNORED, outcome.ignored());
        consumer.consumed(CONSUMER, EventConsumer.Outcome.DUPLICATE, outcome.duplicates());
        for (Map.Entry<FollowUpKind, Integer> e : outcome.followUpsOpened().entrySet()) {
            registry.counter(
                            "loyalty.metrics.follow-ups.opened",
                            "kind",
                            e.getKey().name())
                    .increment(e.getValue());
        }
    }
}
