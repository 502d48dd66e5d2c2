package com.example.loyalty.community.messaging;

import com.example.loyalty.outbox.OutboxWriter;
import com.example.loyalty.events.EventEnvelope;
import com.example.loyalty.events.EventJson;
import com.example.loyalty.events.Topics;
import com.example.loyalty.outbox.OutboxRepository;
import com.example.loyalty.testing.TestKafka;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** An event written to the outbox reaches Kafka, keyed by member, and its row is marked published. */
@QuarkusTest
class OutboxRelayTest {

    @Inject
    OutboxWriter writer;

    @Inject
    OutboxRepository outbox;

    @Test
    void anOutboxRowIsRelayedToCommunityActivity() throws InterruptedException {
        String memberId = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> writer.write(Topics.COMMUNITY_ACTIVITY, "RelayProbe", 1, memberId,
                Map.of("probe", true)));

        List<ConsumerRecord<String, String>> records = TestKafka.read(Topics.COMMUNITY_ACTIVITY,
                r -> memberId.equals(r.key()), 1, Duration.ofSeconds(20));
        assertEquals(1, records.size());
        EventEnvelope event = EventJson.read(records.get(0).value());
        assertEquals("RelayProbe", event.type());
        assertEquals(memberId, event.memberId());
        assertEquals("RelayProbe", new String(records.get(0).headers().lastHeader("event-type").value()));

        // the relay marks the row in the transaction that locked it, right after the broker's acknowledgement
        assertNotNull(publishedAt(event.eventId(), Duration.ofSeconds(10)), "outbox row marked published");
    }

    private Instant publishedAt(UUID eventId, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        Instant published = null;
        while (published == null && Instant.now().isBefore(deadline)) {
            published = QuarkusTransaction.requiringNew().call(() -> outbox.findById(eventId).publishedAt);
            if (published == null) {
                Thread.sleep(100);
            }
        }
        return published;
    }
}
