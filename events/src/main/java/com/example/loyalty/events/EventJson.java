package com.example.loyalty.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.UUID;

/** JSON (de)serialisation of envelopes and payloads, identical in every service. */
public final class EventJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private EventJson() {}

    /** Wraps a payload record in a new envelope with a fresh event id. */
    public static EventEnvelope envelope(
            String type, int schemaVersion, Instant occurredAt, String memberId, Object payload) {
        return new EventEnvelope(
                UUID.randomUUID(), type, schemaVersion, occurredAt, memberId, MAPPER.valueToTree(payload));
    }

    public static String write(EventEnvelope envelope) {
        try {
            return MAPPER.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise event " + envelope.eventId(), e);
        }
    }

    /** Parses an envelope; throws {@link MalformedEventException} for anything that is not one. */
    public static EventEnvelope read(String json) {
        if (json == null || json.isBlank()) {
            throw new MalformedEventException("empty event", null);
        }
        try {
            EventEnvelope envelope = MAPPER.readValue(json, EventEnvelope.class);
            if (envelope == null) {
                throw new MalformedEventException("empty event", null);
            }
            if (envelope.payload() == null || envelope.payload().isNull() || envelope.schemaVersion() < 1) {
                throw new MalformedEventException("event envelope without payload or schema version", null);
            }
            return envelope;
        } catch (JsonProcessingException | NullPointerException e) {
            throw new MalformedEventException("not an event envelope: " + e.getMessage(), e);
        }
    }

    /** Reads the envelope's payload as the given record type. */
    public static <T> T payload(EventEnvelope envelope, Class<T> type) {
        try {
            return MAPPER.treeToValue(envelope.payload(), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("bad " + envelope.type() + " payload: " + e.getMessage(), e);
        }
    }

    /** Thrown for a record that cannot be parsed; consumers send such poison messages to a dead-letter topic. */
    public static final class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
