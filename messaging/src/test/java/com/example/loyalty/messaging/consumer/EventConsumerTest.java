package com.example.loyalty.messaging.consumer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.events.EventEnvelope;
import com.example.loyalty.events.EventJson;
import com.example.loyalty.messaging.probe.ProbeConsumer;
import com.example.loyalty.messaging.probe.Probes;
import com.example.loyalty.testing.TestKafka;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The consumer idiom on a real broker and database: de-duplication, dead letters, retries. */
@QuarkusTest
class EventConsumerTest {

    private static final String DLQ = ProbeConsumer.CHANNEL + ".dlq";

    @Inject
    AgroalDataSource db;

    @Inject
    MeterRegistry registry;

    @Test
    void theDeadLetterCountersOfEveryIncomingChannelExistFromTheStart() {
        for (String reason : EventConsumer.REJECT_REASONS) {
            assertNotNull(
                    registry.find("loyalty.probe.events.rejected")
                            .tags("consumer", ProbeConsumer.CHANNEL, "reason", reason)
                            .counter(),
                    reason);
        }
        assertEquals(
                java.util.Set.of("probe-events", "a.b"),
                EventConsumer.incomingChannels(List.of(
                        "mp.messaging.incoming.probe-events.connector",
                        "mp.messaging.incoming.probe-events.topic",
                        "mp.messaging.incoming.\"a.b\".connector",
                        "mp.messaging.outgoing.outbox.connector",
                        "kafka.bootstrap.servers")));
    }

    @Test
    void anEventIsAppliedOnceHoweverOftenItIsDelivered() {
        EventEnvelope event = Probes.event(1);
        Probes.send(event);
        Probes.send(event);
        Probes.send(event);
        UUID after = Probes.send(2); // same key, so it is consumed after the three copies

        await().atMost(Duration.ofSeconds(30)).until(() -> Probes.applications(db, after) == 1);
        assertEquals(1, Probes.applications(db, event.eventId()));
    }

    @Test
    void aRecordThatIsNotAnEventGoesToTheDeadLetterTopicAndTheNextOneIsApplied() {
        String key = "poison-" + UUID.randomUUID();
        double before = rejected("malformed");
        TestKafka.send(ProbeConsumer.CHANNEL, key, "this is not JSON");
        EventEnvelope next = EventJson.envelope(ProbeConsumer.TYPE, 1, Instant.now(), key, Map.of("n", 3));
        Probes.send(next);

        ConsumerRecord<String, String> dead = deadLetter(key);
        assertEquals("this is not JSON", dead.value());
        assertTrue(header(dead, "dead-letter-reason").contains("malformed"), header(dead, "dead-letter-reason"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Probes.applications(db, next.eventId()) == 1);
        assertEquals(before + 1, rejected("malformed"));
    }

    @Test
    void anEventWhoseContentCannotBeAppliedIsDeadLetteredWithoutRetries() {
        String key = "unprocessable-" + UUID.randomUUID();
        double retriesBefore = retries("other");
        EventEnvelope bad = EventJson.envelope(ProbeConsumer.TYPE, 1, Instant.now(), key, Map.of("n", "not a number"));
        Probes.send(bad);

        ConsumerRecord<String, String> dead = deadLetter(key);
        assertTrue(header(dead, "dead-letter-reason").contains("unprocessable"));
        assertEquals(0, Probes.applications(db, bad.eventId()));
        assertEquals(retriesBefore, retries("other"), "content errors are not retried");
    }

    @Test
    void aFailureThatPassesIsRetriedAndTheEventAppliedOnce() {
        EventEnvelope event = Probes.event(4);
        ProbeConsumer.FAILURES.put(event.eventId(), new AtomicInteger(2));
        Probes.send(event);

        await().atMost(Duration.ofSeconds(30)).until(() -> Probes.applications(db, event.eventId()) == 1);
        assertEquals(-1, ProbeConsumer.FAILURES.get(event.eventId()).get(), "failed twice, then passed");
    }

    @Inject
    EventConsumer consumer;

    @Test
    void whileTheApplicationStopsAFailureNeverDeadLettersAGoodEvent() {
        // a stop closes the entity manager factory under a running handler: more failures than the bounded retries
        // of an ordinary failure allow, which must hold the record instead of dead-lettering it
        EventEnvelope event = Probes.event(7);
        ProbeConsumer.FAILURES.put(event.eventId(), new AtomicInteger(6));
        double failedBefore = rejected("failed");
        consumer.stopping(true);
        try {
            Probes.send(event);
            await().atMost(Duration.ofSeconds(60)).until(() -> Probes.applications(db, event.eventId()) == 1);
        } finally {
            consumer.stopping(false);
        }
        assertEquals(-1, ProbeConsumer.FAILURES.get(event.eventId()).get(), "failed six times, then passed");
        assertEquals(failedBefore, rejected("failed"), "nothing dead-lettered");
    }

    @Test
    void aFailureThatNeverPassesIsDeadLetteredAfterItsRetriesAndDoesNotStallThePartition() {
        String key = "failing-" + UUID.randomUUID();
        EventEnvelope failing = EventJson.envelope(ProbeConsumer.TYPE, 1, Instant.now(), key, Map.of("n", 5));
        ProbeConsumer.FAILURES.put(failing.eventId(), new AtomicInteger(1_000));
        EventEnvelope behind = EventJson.envelope(ProbeConsumer.TYPE, 1, Instant.now(), key, Map.of("n", 6));
        Probes.send(failing);
        Probes.send(behind);

        ConsumerRecord<String, String> dead = deadLetter(key);
        assertTrue(header(dead, "dead-letter-reason").contains("failed"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Probes.applications(db, behind.eventId()) == 1);
        assertEquals(0, Probes.applications(db, failing.eventId()));
        assertEquals(1_000 - 4, ProbeConsumer.FAILURES.get(failing.eventId()).get(), "one try and three retries");
    }

    private ConsumerRecord<String, String> deadLetter(String key) {
        List<ConsumerRecord<String, String>> dead =
                TestKafka.read(DLQ, r -> key.equals(r.key()), 1, Duration.ofSeconds(30));
        assertEquals(1, dead.size(), "one record with key " + key + " on " + DLQ);
        return dead.get(0);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var h = record.headers().lastHeader(name);
        return h == null ? "" : new String(h.value(), StandardCharsets.UTF_8);
    }

    private double rejected(String reason) {
        var c = registry.find("loyalty.probe.events.rejected")
                .tags("consumer", ProbeConsumer.CHANNEL, "reason", reason)
                .counter();
        return c == null ? 0 : c.count();
    }

    private double retries(String kind) {
        var c = registry.find("loyalty.probe.events.retries")
                .tags("consumer", ProbeConsumer.CHANNEL, "kind", kind)
                .counter();
        return c == null ? 0 : c.count();
    }
}
