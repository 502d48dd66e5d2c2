package com.example.loyalty.points.messaging;

import com.example.loyalty.events.EventEnvelope;
import com.example.loyalty.events.EventJson;
import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.SurveyResponded;
import com.example.loyalty.events.Topics;
import com.example.loyalty.points.service.SurveyAwardService;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Turns accepted survey responses into points ({@link SurveyAwardService}). Records that are not a
 * well-formed {@code SurveyResponded} event are poison: they go to {@code survey-responses.points.dlq} at
 * once. Other failures (the database being away) are retried with back-off before the record is dead-lettered.
 */
@ApplicationScoped
public class SurveyResponsesConsumer {

    private static final Logger LOG = Logger.getLogger(SurveyResponsesConsumer.class);

    private final SurveyAwardService awards;

    public SurveyResponsesConsumer(SurveyAwardService awards) {
        this.awards = awards;
    }

    @Incoming(Topics.SURVEY_RESPONSES)
    @Blocking
    @Retry(maxRetries = 5, delay = 500, jitter = 100, maxDuration = 60_000, abortOn = PoisonEvent.class)
    @ExponentialBackoff(maxDelay = 10_000)
    public void consume(String record) {
        EventEnvelope envelope = parse(record);
        if (!EventTypes.SURVEY_RESPONDED.equals(envelope.type())) {
            return; // not for us; newer producers may add types
        }
        SurveyResponded response = payload(envelope);
        SurveyAwardService.Outcome outcome = awards.award(envelope.eventId(), response);
        LOG.debugf("survey response %s: %s", response.responseId(), outcome);
    }

    private static EventEnvelope parse(String record) {
        try {
            return EventJson.read(record);
        } catch (EventJson.MalformedEventException e) {
            throw new PoisonEvent(e.getMessage());
        }
    }

    private static SurveyResponded payload(EventEnvelope envelope) {
        if (envelope.schemaVersion() != SurveyResponded.SCHEMA_VERSION) {
            throw new PoisonEvent("unsupported SurveyResponded schema version " + envelope.schemaVersion());
        }
        SurveyResponded response;
        try {
            response = EventJson.payload(envelope, SurveyResponded.class);
        } catch (RuntimeException e) {
            throw new PoisonEvent("unreadable SurveyResponded payload: " + e.getMessage());
        }
        if (response.responseId() == null || response.surveyId() == null || response.waveId() == null) {
            throw new PoisonEvent("SurveyResponded without responseId, surveyId or waveId");
        }
        return response;
    }

    /** A record no retry can fix. */
    public static final class PoisonEvent extends RuntimeException {
        PoisonEvent(String message) {
            super(message);
        }
    }
}
