package com.example.loyalty.points.messaging;

import com.example.loyalty.events.EventEnvelope;
import com.example.loyalty.events.EventJson;
import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.SurveyWaveClosed;
import com.example.loyalty.events.SurveyWavePublished;
import com.example.loyalty.events.Topics;
import com.example.loyalty.messaging.consumer.EventConsumer;
import com.example.loyalty.messaging.consumer.UnprocessableEventException;
import com.example.loyalty.points.repository.SurveyWaveRepository;
import com.example.loyalty.points.service.SurveyAwardService;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Learns the survey waves survey-service published ({@code survey_wave}) from {@code survey-waves}, through the shared
 * consumer idiom ({@link EventConsumer#consumeBatch}: a poll's events in one transaction, each once by its id in the
 * inbox; poison to {@code survey-waves.points.dlq}; transient failures waited out), then awards the answers held for
 * those waves ({@link SurveyAwardService#release}). Survey awards are paid only for these waves.
 */
@ApplicationScoped
public class SurveyWavesConsumer {

    static final String DLQ = Topics.SURVEY_WAVES + ".points.dlq";

    private static final Logger LOG = Logger.getLogger(SurveyWavesConsumer.class);

    private final EventConsumer consumer;
    private final SurveyWaveRepository waves;
    private final SurveyAwardService awards;

    public SurveyWavesConsumer(EventConsumer consumer, SurveyWaveRepository waves, SurveyAwardService awards) {
        this.consumer = consumer;
        this.waves = waves;
        this.awards = awards;
    }

    @Incoming(Topics.SURVEY_WAVES)
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        List<ConsumerRecord<String, String>> batch = new ArrayList<>(records.count());
        records.forEach(batch::add);
        consumer.consumeBatch(
                Topics.SURVEY_WAVES,
                DLQ,
                batch,
                Set.of(EventTypes.SURVEY_WAVE_PUBLISHED, EventTypes.SURVEY_WAVE_CLOSED),
                this::applyAll);
    }

    private record Change(SurveyWavePublished published, SurveyWaveClosed closed) {
        UUID waveId() {
            return published != null ? published.waveId() : closed.waveId();
        }
    }

    /** A poll's wave events, in the consumer's transaction: the waves first (locked), then their held answers. */
    private void applyAll(List<EventEnvelope> events) {
        List<Change> changes = new ArrayList<>(events.size());
        for (EventEnvelope event : events) {
            changes.add(
                    EventTypes.SURVEY_WAVE_PUBLISHED.equals(event.type())
                            ? new Change(published(event), null)
                            : new Change(null, closed(event)));
        }
        Set<UUID> touched = new LinkedHashSet<>();
        changes.forEach(c -> touched.add(c.waveId()));
        waves.lock(touched);
        Instant now = Instant.now();
        for (Change c : changes) {
            if (c.published() != null) {
                SurveyWavePublished p = c.published();
                waves.published(p.waveId(), p.surveyId(), p.opensAt(), p.closesAt(), now);
            } else if (!waves.closed(
                    c.closed().waveId(), c.closed().surveyId(), c.closed().closedAt())) {
                LOG.warnf(
                        "SurveyWaveClosed for wave %s, which is not known here: ignored",
                        c.closed().waveId());
            }
        }
        for (UUID wave : touched) {
            int earned = awards.release(wave);
            if (earned > 0) {
                LOG.debugf("wave %s: %d held survey answers earned points", wave, earned);
            }
        }
    }

    private static SurveyWavePublished published(EventEnvelope event) {
        SurveyWavePublished p = payload(event, SurveyWavePublished.SCHEMA_VERSION, SurveyWavePublished.class);
        if (p.surveyId() == null || p.waveId() == null || p.opensAt() == null || p.closesAt() == null) {
            throw new UnprocessableEventException(
                    "SurveyWavePublished " + event.eventId() + " without surveyId, waveId, opensAt or closesAt");
        }
        if (!p.closesAt().isAfter(p.opensAt())) {
            throw new UnprocessableEventException(
                    "SurveyWavePublished " + event.eventId() + ": closesAt is not after opensAt");
        }
        return p;
    }

    private static SurveyWaveClosed closed(EventEnvelope event) {
        SurveyWaveClosed c = payload(event, SurveyWaveClosed.SCHEMA_VERSION, SurveyWaveClosed.class);
        if (c.surveyId() == null || c.waveId() == null || c.closedAt() == null) {
            throw new UnprocessableEventException(
                    "SurveyWaveClosed " + event.eventId() + " without surveyId, waveId or closedAt");
        }
        return c;
    }

    private static <T> T payload(EventEnvelope event, int version, Class<T> type) {
        if (event.schemaVersion() != version) {
            throw new UnprocessableEventException(
                    "unsupported " + event.type() + " schema version " + event.schemaVersion());
        }
        try {
            return EventJson.payload(event, type);
        } catch (EventJson.MalformedEventException e) {
            throw new UnprocessableEventException("unreadable " + event.type() + " payload: " + e.getMessage(), e);
        }
    }
}
