package com.example.loyalty.messaging.probe;

import com.example.loyalty.events.EventEnvelope;
import com.example.loyalty.messaging.consumer.EventConsumer;
import com.example.loyalty.messaging.consumer.UnprocessableEventException;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * A consumer written the way services write theirs: the channel hands each record to {@link EventConsumer}; the
 * handler inserts one {@code probe_effect} row per ProbeEvent. Tests make the handler fail on demand, and read the span
 * it ran in.
 */
@ApplicationScoped
public class ProbeConsumer {

    public static final String CHANNEL = "probe-events";
    public static final String TYPE = "ProbeEvent";

    /** Event ids whose handling throws this many more times before it succeeds. */
    public static final Map<UUID, AtomicInteger> FAILURES = new ConcurrentHashMap<>();

    /** The span the handler ran in, per event id (the last attempt's). */
    public static final Map<UUID, SpanContext> SPANS = new ConcurrentHashMap<>();

    private final EventConsumer consumer;
    private final EntityManager em;

    public ProbeConsumer(EventConsumer consumer, EntityManager em) {
        this.consumer = consumer;
        this.em = em;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        consumer.consume(CHANNEL, record, this::apply);
    }

    private EventConsumer.Outcome apply(EventEnvelope event) {
        SPANS.put(event.eventId(), Span.current().getSpanContext());
        if (!TYPE.equals(event.type())) {
            return EventConsumer.Outcome.IGNORED;
        }
        if (!event.payload().has("n") || !event.payload().get("n").canConvertToInt()) {
            throw new UnprocessableEventException("ProbeEvent without a number n");
        }
        AtomicInteger failures = FAILURES.get(event.eventId());
        if (failures != null && failures.getAndDecrement() > 0) {
            throw new IllegalStateException("failing on purpose");
        }
        em.createNativeQuery("insert into probe_effect (event_id, n) values (:id, :n)")
                .setParameter("id", event.eventId())
                .setParameter("n", event.payload().get("n").asInt())
                .executeUpdate();
        return EventConsumer.Outcome.APPLIED;
    }
}
