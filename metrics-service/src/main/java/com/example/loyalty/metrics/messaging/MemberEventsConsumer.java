package com.example.loyalty.metrics.messaging;

import com.example.loyalty.events.EventEnvelope;
import com.example.loyalty.events.EventJson;
import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.MemberEnrolled;
import com.example.loyalty.events.Topics;
import com.example.loyalty.messaging.consumer.EventConsumer;
import com.example.loyalty.messaging.consumer.UnprocessableEventException;
import com.example.loyalty.metrics.domain.MemberIds;
import com.example.loyalty.metrics.repository.MemberDirectoryRepository;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Learns each member's token subject from points-service's {@code MemberEnrolled} events (member-events), a poll at a
 * time through the shared consumer idiom ({@link EventConsumer#consumeBatch}): poison to
 * {@code member-events.metrics-service.dlq}, each event once, the database being away waited out.
 */
@ApplicationScoped
public class MemberEventsConsumer {

    static final String DLQ = Topics.MEMBER_EVENTS + ".metrics-service.dlq";

    private final EventConsumer consumer;
    private final MemberDirectoryRepository directory;

    public MemberEventsConsumer(EventConsumer consumer, MemberDirectoryRepository directory) {
        this.consumer = consumer;
        this.directory = directory;
    }

    @Incoming(Topics.MEMBER_EVENTS)
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        List<ConsumerRecord<String, String>> batch = new ArrayList<>(records.count());
        records.forEach(batch::add);
        consumer.consumeBatch(Topics.MEMBER_EVENTS, DLQ, batch, Set.of(EventTypes.MEMBER_ENROLLED), this::applyAll);
    }

    /** The subjects of a batch's enrolments, in the consumer's transaction (the later event of a member wins). */
    private void applyAll(List<EventEnvelope> events) {
        Map<UUID, String> subjects = new HashMap<>();
        for (EventEnvelope event : events) {
            UUID memberId;
            MemberEnrolled enrolled;
            try {
                memberId = MemberIds.parse(event.memberId());
                enrolled = EventJson.payload(event, MemberEnrolled.class);
            } catch (IllegalArgumentException | EventJson.MalformedEventException e) {
                throw new UnprocessableEventException(e.getMessage(), e);
            }
            if (enrolled.subject() == null || enrolled.subject().isBlank()) {
                continue; // an imported member without a login yet
            }
            if (enrolled.subject().length() > 255) {
                throw new UnprocessableEventException("subject longer than 255 characters");
            }
            subjects.put(memberId, enrolled.subject());
        }
        directory.linkAll(subjects);
    }
}
