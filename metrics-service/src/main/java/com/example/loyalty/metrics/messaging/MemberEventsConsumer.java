package com.example.loyalty.metrics.messaging;

import com.example.loyalty.events.EventEnvelope;
import com.example.loyalty.events.EventJson;
import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.MemberEnrolled;
import com.example.loyalty.events.MemberErased;
import com.example.loyalty.events.MembersMerged;
import com.example.loyalty.events.Topics;
import com.example.loyalty.messaging.consumer.EventConsumer;
import com.example.loyalty.messaging.consumer.UnprocessableEventException;
import com.example.loyalty.metrics.domain.MemberIds;
import com.example.loyalty.metrics.repository.MemberDirectoryRepository;
import com.example.loyalty.metrics.service.MemberLifecycleService;
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
 * points-service's member-events, a poll at a time through the shared consumer idiom
 * ({@link EventConsumer#consumeBatch}): poison to {@code member-events.metrics-service.dlq}, each event once, the
 * database being away waited out. {@code MemberEnrolled} teaches each member's token subject (the directory);
 * {@code MembersMerged} (keyed by the survivor) and {@code MemberErased} go to {@link MemberLifecycleService}, in the
 * order they have on the topic.
 */
@ApplicationScoped
public class MemberEventsConsumer {

    static final String DLQ = Topics.MEMBER_EVENTS + ".metrics-service.dlq";
    private static final Set<String> TYPES =
            Set.of(EventTypes.MEMBER_ENROLLED, EventTypes.MEMBERS_MERGED, EventTypes.MEMBER_ERASED);

    private final EventConsumer consumer;
    private final MemberDirectoryRepository directory;
    private final MemberLifecycleService lifecycle;

    public MemberEventsConsumer(
            EventConsumer consumer, MemberDirectoryRepository directory, MemberLifecycleService lifecycle) {
        this.consumer = consumer;
        this.directory = directory;
        this.lifecycle = lifecycle;
    }

    @Incoming(Topics.MEMBER_EVENTS)
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        List<ConsumerRecord<String, String>> batch = new ArrayList<>(records.count());
        records.forEach(batch::add);
        consumer.consumeBatch(Topics.MEMBER_EVENTS, DLQ, batch, TYPES, this::applyAll);
    }

    /**
     * A batch in the consumer's transaction, in order: the subjects of consecutive enrolments are linked together (the
     * later event of a member wins), a merge or an erasure once the enrolments before it are in.
     */
    private void applyAll(List<EventEnvelope> events) {
        Map<UUID, String> subjects = new HashMap<>();
        for (EventEnvelope event : events) {
            UUID memberId;
            try {
                memberId = MemberIds.parse(event.memberId());
            } catch (IllegalArgumentException e) {
                throw new UnprocessableEventException(e.getMessage(), e);
            }
            switch (event.type()) {
                case EventTypes.MEMBER_ENROLLED -> {
                    MemberEnrolled enrolled = payload(event, MemberEnrolled.class);
                    if (enrolled.subject() == null || enrolled.subject().isBlank()) {
                        continue; // an imported member without a login yet
                    }
                    if (enrolled.subject().length() > 255) {
                        throw new UnprocessableEventException("subject longer than 255 characters");
                    }
                    subjects.put(memberId, enrolled.subject());
                }
                case EventTypes.MEMBERS_MERGED -> {
                    requireVersion(event, MembersMerged.SCHEMA_VERSION);
                    MembersMerged merged = payload(event, MembersMerged.class);
                    UUID mergedId;
                    try {
                        mergedId = MemberIds.parse(merged.mergedMemberId());
                    } catch (IllegalArgumentException e) {
                        throw new UnprocessableEventException("mergedMemberId: " + e.getMessage(), e);
                    }
                    directory.linkAll(subjects);
                    subjects.clear();
                    lifecycle.merge(mergedId, memberId, merged.tier(), event.occurredAt());
                }
                case EventTypes.MEMBER_ERASED -> {
                    requireVersion(event, MemberErased.SCHEMA_VERSION);
                    MemberErased erased = payload(event, MemberErased.class);
                    directory.linkAll(subjects);
                    subjects.clear();
                    lifecycle.erase(memberId, erased.erasedAt() != null ? erased.erasedAt() : event.occurredAt());
                }
                default -> throw new IllegalArgumentException("the consumer passes no " + event.type() + " events");
            }
        }
        directory.linkAll(subjects);
    }

    private static void requireVersion(EventEnvelope event, int known) {
        if (event.schemaVersion() != known) {
            throw new UnprocessableEventException("schema version " + event.schemaVersion() + " of " + event.type()
                    + " is not supported (supported: " + known + ")");
        }
    }

    private static <T> T payload(EventEnvelope event, Class<T> type) {
        try {
            return EventJson.payload(event, type);
        } catch (IllegalArgumentException | EventJson.MalformedEventException e) {
            throw new UnprocessableEventException(e.getMessage(), e);
        }
    }
}
