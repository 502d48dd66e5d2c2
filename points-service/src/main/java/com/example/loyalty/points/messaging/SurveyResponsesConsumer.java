package com.example.loyalty.points.messaging;

import com.example.loyalty.events.EventEnvelope;
import com.example.loyalty.events.EventJson;
import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.SurveyResponded;
import com.example.loyalty.events.Topics;
import com.example.loyalty.messaging.consumer.EventConsumer;
import com.example.loyalty.messaging.consumer.UnprocessableEventException;
import com.example.loyalty.points.service.SurveyAwardService;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Turns accepted survey responses into points ({@link SurveyAwardService}), through the shared consumer idiom
 * ({@link EventConsumer#consumeBatch}, a poll's responses in one transaction): a record that is not a well-formed {@code SurveyResponded} event goes to
 * {@code survey-responses.points.dlq} at once; the database being away is waited out, never dead-lettered; each event
 * is applied once (inbox), and the {@code (member, wave)} key of the award makes a second response to a wave earn
 * nothing.
 */
@ApplicationScoped
public class SurveyResponsesConsumer {

    static final String DLQ = Topics.SURVEY_RESPONSES + ".points.dlq";

    private static final Logger LOG = Logger.getLogger(SurveyResponsesConsumer.class);

    private final EventConsumer consumer;
    private final SurveyAwardService awards;

    public SurveyResponsesConsumer(EventConsumer consumer, SurveyAwardService awards) {
        this.consumer = consumer;
        this.awards = awards;
    }

    @Incoming(Topics.SURVEY_RESPONSES)
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        List<ConsumerRecord<String, String>> batch = new ArrayList<>(records.count());
        records.forEach(batch::add);
        consumer.consumeBatch(Topics.SURVEY_RESPONSES, DLQ, batch, Set.of(EventTypes.SURVEY_RESPONDED), this::applyAll);
    }

    /** A poll's survey responses, in one transaction (the awards lock one member each). */
    private void applyAll(List<EventEnvelope> events) {
        events.forEach(this::apply);
    }

    private EventConsumer.Outcome apply(EventEnvelope envelope) {
        if (!EventTypes.SURVEY_RESPONDED.equals(envelope.type())) {
            return EventConsumer.Outcome.IGNORED; // not for us; newer producers may add types
        }
        SurveyResponded response = payload(envelope);
        SurveyAwardService.Outcome outcome = awards.award(envelope.eventId(), response);
        LOG.debugf("survey response %s: %s", response.responseId(), outcome);
        return outcome == SurveyAwardService.Outcome.AWARDED
                ? EventConsumer.Outcome.APPLIED
                : EventConsumer.Outcome.IGNORED;
    }

    private static SurveyResponded payload(EventEnvelope envelope) {
        if (envelope.schemaVersion() != SurveyResponded.SCHEMA_VERSION) {
            throw new UnprocessableEventException(
                    "unsupported SurveyResponded schema version " + envelope.schemaVersion());
        }
        SurveyResponded response;
        try {
            response = EventJson.payload(envelope, SurveyResponded.class);
        } catch (EventJson.MalformedEventException e) {
            throw new UnprocessableEventException("unreadable SurveyResponded payload: " + e.getMessage(), e);
        }
        if (response.responseId() == null || response.surveyId() == null || response.waveId() == null) {
            throw new UnprocessableEventException("SurveyResponded without responseId, surveyId or waveId");
        }
        return response;
    }
}
