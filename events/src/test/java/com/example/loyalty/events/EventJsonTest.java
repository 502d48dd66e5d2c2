package com.example.loyalty.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventJsonTest {

    @Test
    void roundTripsAnEnvelopeAndItsPayload() {
        Instant at = Instant.parse("2026-01-02T03:04:05Z");
        PointsEarned earned = new PointsEarned("T-1", 12_345, "JPY", "S001", "STORE", at, 123, "1.25", "SILVER", 500);
        EventEnvelope sent =
                EventJson.envelope(EventTypes.POINTS_EARNED, PointsEarned.SCHEMA_VERSION, at, "m-1", earned);

        EventEnvelope received = EventJson.read(EventJson.write(sent));

        assertEquals(sent.eventId(), received.eventId());
        assertEquals("m-1", received.memberId());
        assertEquals(at, received.occurredAt());
        assertEquals(earned, EventJson.payload(received, PointsEarned.class));
    }

    @Test
    void aPurchaseOfAnOlderProducerIsNotHistory() {
        Instant at = Instant.parse("2026-01-02T03:04:05Z");
        PointsEarned imported =
                new PointsEarned("T-2", 2_933, "USD", "S001", "STORE", at, 0, "1.00", "REGULAR", 0, true);
        EventEnvelope sent =
                EventJson.envelope(EventTypes.POINTS_EARNED, PointsEarned.SCHEMA_VERSION, at, "m-1", imported);
        assertEquals(imported, EventJson.payload(EventJson.read(EventJson.write(sent)), PointsEarned.class));

        String older = EventJson.write(sent).replace(",\"history\":true", "");
        assertEquals(
                false,
                EventJson.payload(EventJson.read(older), PointsEarned.class).history());
    }

    @Test
    void rejectsWhatIsNotAnEnvelope() {
        assertThrows(EventJson.MalformedEventException.class, () -> EventJson.read("{not json"));
        assertThrows(EventJson.MalformedEventException.class, () -> EventJson.read(null));
        assertThrows(EventJson.MalformedEventException.class, () -> EventJson.read(""));
        assertThrows(
                EventJson.MalformedEventException.class,
                () -> EventJson.read(
                        "{\"eventId\":\"7f8d4a8e-8a39-4e43-9a36-5c1f0f1d2b6e\",\"type\":\"PointsEarned\",\"schemaVersion\":1,"
                                + "\"occurredAt\":\"2026-01-02T03:04:05Z\",\"memberId\":\"m\"}"));
        assertThrows(EventJson.MalformedEventException.class, () -> EventJson.read("{\"type\":\"x\"}"));
        assertThrows(EventJson.MalformedEventException.class, () -> EventJson.read("null"));
    }
}
