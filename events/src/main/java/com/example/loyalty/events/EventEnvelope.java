package com.example.loyalty.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What crosses a service boundary on Kafka. The Kafka key is {@link #memberId()}; consumers
 * de-duplicate on {@link #eventId()}; {@link #schemaVersion()} lets a payload evolve.
 *
 * @param eventId       unique id of this event, stable across redeliveries
 * @param type          one of {@link EventTypes}
 * @param schemaVersion version of the payload's shape for this type
 * @param occurredAt    when the change happened (UTC)
 * @param memberId      the member the event is about, also the Kafka key
 * @param payload       the type-specific body
 */
public record EventEnvelope(
        UUID eventId, String type, int schemaVersion, Instant occurredAt, String memberId, JsonNode payload) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
