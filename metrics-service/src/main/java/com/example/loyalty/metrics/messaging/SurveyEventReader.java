package com.example.loyalty.metrics.messaging;

import com.example.loyalty.events.EventEnvelope;
import com.example.loyalty.events.EventJson;
import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.SurveyResponded;
import com.example.loyalty.metrics.domain.ValidatedResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.UUID;

/**
 * Turns a survey-responses record into a valid response, an event of another type, or poison. The envelope and
 * its SurveyResponded payload are read in one pass (the hot path of the consumer); anything that does not fit is
 * read again as a generic envelope to tell another event type from a broken record.
 */
final class SurveyEventReader {

    /** What a record is. */
    sealed interface Read permits Valid, Other, Poison {}

    /** A SurveyResponded event that passed every check. */
    record Valid(ValidatedResponse response) implements Read {}

    /** An event of another type: recorded as processed and ignored, so a newer producer never stalls this one. */
    record Other(UUID eventId, String type) implements Read {}

    /**
     * A record that cannot be applied.
     *
     * @param cause  {@code malformed} (not an event envelope) or {@code unprocessable} (an envelope whose content
     *               cannot be applied)
     * @param reason what is wrong, for the dead-letter record and the log
     */
    record Poison(String cause, String reason) implements Read {}

    /** The shape of a SurveyResponded envelope, for the single-pass read. */
    record SurveyEnvelope(
            UUID eventId,
            String type,
            int schemaVersion,
            Instant occurredAt,
            String memberId,
            SurveyResponded payload) {}

    private static final ObjectReader READER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .readerFor(SurveyEnvelope.class);

    private SurveyEventReader() {}

    static Read read(String json) {
        if (json == null || json.isBlank()) {
            return new Poison("malformed", "empty record");
        }
        SurveyEnvelope e;
        try {
            e = READER.readValue(json);
        } catch (JsonProcessingException ex) {
            return readOther(json, ex);
        }
        if (e == null || e.eventId() == null || e.type() == null || e.occurredAt() == null || e.schemaVersion() < 1) {
            return new Poison("malformed", "not an event envelope (event id, type, schema version and time required)");
        }
        if (!EventTypes.SURVEY_RESPONDED.equals(e.type())) {
            return new Other(e.eventId(), e.type());
        }
        String what = e.type() + " event " + e.eventId() + ": ";
        if (e.schemaVersion() != SurveyResponded.SCHEMA_VERSION) {
            // a newer version may have changed meaning; a dead-lettered event can be replayed after an upgrade
            return new Poison(
                    "unprocessable",
                    what + "schema version " + e.schemaVersion() + " is not supported (supported: "
                            + SurveyResponded.SCHEMA_VERSION + ")");
        }
        if (e.payload() == null) {
            return new Poison("malformed", what + "payload missing");
        }
        try {
            return new Valid(ValidatedResponse.of(e.eventId(), e.payload()));
        } catch (IllegalArgumentException | ArithmeticException ex) {
            return new Poison("unprocessable", what + ex.getMessage());
        }
    }

    private static Read readOther(String json, JsonProcessingException surveyError) {
        EventEnvelope envelope;
        try {
            envelope = EventJson.read(json);
        } catch (EventJson.MalformedEventException ex) {
            return new Poison("malformed", ex.getMessage());
        }
        if (!EventTypes.SURVEY_RESPONDED.equals(envelope.type())) {
            return new Other(envelope.eventId(), envelope.type());
        }
        return new Poison(
                "unprocessable",
                envelope.type() + " event " + envelope.eventId() + ": bad payload: "
                        + surveyError.getOriginalMessage());
    }
}
