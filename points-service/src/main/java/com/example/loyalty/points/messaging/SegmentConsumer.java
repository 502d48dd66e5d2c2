package com.example.loyalty.points.messaging;

import com.example.loyalty.events.EventEnvelope;
import com.example.loyalty.events.EventJson;
import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.SegmentChanged;
import com.example.loyalty.events.Topics;
import com.example.loyalty.messaging.consumer.EventConsumer;
import com.example.loyalty.messaging.consumer.UnprocessableEventException;
import com.example.loyalty.points.config.PointsConfig;
import com.example.loyalty.points.repository.MemberSegmentRepository;
import com.example.loyalty.points.repository.MemberSegmentRepository.SegmentSeen;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Keeps each member's latest RFM segment ({@code member_segment}, which segment campaigns target) from metrics-service's
 * {@code SegmentChanged} events on {@code loyalty-insights}, through the shared consumer idiom
 * ({@link EventConsumer#consumeBatch}: a poll's events in one transaction and one statement, each once by its id in the
 * inbox; other types of the topic ignored without a write; poison to {@code loyalty-insights.points.dlq}; transient
 * failures waited out). Latest per member: an event as of an earlier day than the row's changes nothing. Events in
 * another currency than {@code points.rules.segment-currency}, and for members unknown here, merged away or erased,
 * are skipped.
 */
@ApplicationScoped
public class SegmentConsumer {

    static final String DLQ = Topics.LOYALTY_INSIGHTS + ".points.dlq";

    private static final Logger LOG = Logger.getLogger(SegmentConsumer.class);
    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");

    private final EventConsumer consumer;
    private final MemberSegmentRepository segments;
    private final PointsConfig config;

    public SegmentConsumer(EventConsumer consumer, MemberSegmentRepository segments, PointsConfig config) {
        this.consumer = consumer;
        this.segments = segments;
        this.config = config;
    }

    @Incoming(Topics.LOYALTY_INSIGHTS)
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        List<ConsumerRecord<String, String>> batch = new ArrayList<>(records.count());
        records.forEach(batch::add);
        consumer.consumeBatch(Topics.LOYALTY_INSIGHTS, DLQ, batch, Set.of(EventTypes.SEGMENT_CHANGED), this::applyAll);
    }

    /** A poll's SegmentChanged events, in the consumer's transaction, with one statement. */
    private void applyAll(List<EventEnvelope> events) {
        List<SegmentSeen> seen = new ArrayList<>(events.size());
        for (EventEnvelope event : events) {
            if (event.schemaVersion() != SegmentChanged.SCHEMA_VERSION) {
                throw new UnprocessableEventException(
                        "unsupported SegmentChanged schema version " + event.schemaVersion());
            }
            SegmentChanged changed;
            try {
                changed = EventJson.payload(event, SegmentChanged.class);
            } catch (EventJson.MalformedEventException e) {
                throw new UnprocessableEventException("unreadable SegmentChanged payload: " + e.getMessage(), e);
            }
            UUID memberId = memberId(event);
            if (changed.currency() == null || changed.currency().isBlank()) {
                throw new UnprocessableEventException("SegmentChanged " + event.eventId() + " without currency");
            }
            if (!config.rules()
                    .segmentCurrency()
                    .equalsIgnoreCase(changed.currency().trim())) {
                continue;
            }
            if (changed.asOf() == null) {
                throw new UnprocessableEventException("SegmentChanged " + event.eventId() + " without asOf");
            }
            String segment = name(event, "segment", changed.segment());
            if (segment == null) {
                throw new UnprocessableEventException("SegmentChanged " + event.eventId() + " without segment");
            }
            seen.add(new SegmentSeen(memberId, segment, name(event, "quadrant", changed.quadrant()), changed.asOf()));
        }
        int changed = segments.segmentsSeen(seen);
        LOG.debugf("%d SegmentChanged events, %d member segments written", events.size(), changed);
    }

    private static String name(EventEnvelope event, String what, String given) {
        if (given == null || given.isBlank()) {
            return null;
        }
        String name = given.trim().toUpperCase(Locale.ROOT);
        if (!NAME.matcher(name).matches()) {
            throw new UnprocessableEventException("SegmentChanged " + event.eventId() + ": " + what + " '" + given
                    + "' is not a name such as CHAMPIONS");
        }
        return name;
    }

    private static UUID memberId(EventEnvelope event) {
        if (event.memberId() == null) {
            throw new UnprocessableEventException("SegmentChanged " + event.eventId() + " without memberId");
        }
        try {
            return UUID.fromString(event.memberId());
        } catch (IllegalArgumentException e) {
            throw new UnprocessableEventException(
                    "SegmentChanged with a member id that is not a UUID: " + event.memberId(), e);
        }
    }
}
