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
 * nothing. Only answers to waves survey-service published on survey-waves earn ({@link SurveyWavesConsumer}); an answer
 * whose wave is not known yet is held for it.
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

    /**
     * A poll's survey responses, in one transaction ({@link SurveyAwardService#awardAll}: their waves locked first,
     * then one member at a time).
     */
    private void applyAll(List<EventEnvelope> events) {
        List<SurveyAwardService.Answer> answers = new ArrayList<>(events.size());
        for (EventEnvelope envelope : events) {
            if (EventTypes.SURVEY_RESPONDED.equals(envelope.type())) {
                answers.add(new SurveyAwardService.Answer(envelope.eventId(), payload(envelope)));
            }
        }
        List<SurveyAwardService.Outcome> outcomes = awards.awardAll(answers);
        for (int i = 0; i < answers.size(); i++) {
            LOG.debugf("survey response %s: %s", answers.get(i).response().responseId(), outcomes.get(i));
        }
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
        // what an answer held for its wave keeps (survey_response_held): a member id is a UUID, a subject a token's
        if ((response.memberId() != null && response.memberId().length() > 64)
                || (response.subject() != null && response.subject().length() > 255)) {
            throw new UnprocessableEventException("SurveyResponded with a memberId or subject too long");
        }
        return response;
    }
}
