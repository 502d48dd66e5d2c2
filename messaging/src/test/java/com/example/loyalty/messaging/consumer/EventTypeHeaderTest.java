package com.example.loyalty.messaging.consumer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.messaging.outbox.OutboxRelay;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** A consumer skips the records its header says it does not want, and parses the rest. */
class EventTypeHeaderTest {

    private static final Set<String> TIER_CHANGES = Set.of("TierChanged");

    @Test
    void aRecordOfAnotherTypeIsSkippedByItsHeaderUnparsed() {
        assertTrue(EventConsumer.notWanted(record("PointsEarned", "not even JSON"), TIER_CHANGES));
    }

    @Test
    void aRecordOfAWantedTypeIsParsed() {
        assertFalse(EventConsumer.notWanted(record("TierChanged", "{}"), TIER_CHANGES));
    }

    @Test
    void aRecordWithoutTheHeaderIsParsedAndJudgedByItsEnvelope() {
        assertFalse(EventConsumer.notWanted(new ConsumerRecord<>("t", 0, 0L, "k", "{}"), TIER_CHANGES));
    }

    @Test
    void aConsumerOfEveryTypeSkipsNothing() {
        assertFalse(EventConsumer.notWanted(record("PointsEarned", "{}"), null));
    }

    private static ConsumerRecord<String, String> record(String type, String value) {
        ConsumerRecord<String, String> r = new ConsumerRecord<>("t", 0, 0L, "k", value);
        r.headers().add(OutboxRelay.EVENT_TYPE_HEADER, type.getBytes(StandardCharsets.UTF_8));
        return r;
    }
}
