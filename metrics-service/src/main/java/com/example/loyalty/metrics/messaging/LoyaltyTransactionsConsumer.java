package com.example.loyalty.metrics.messaging;

import com.example.loyalty.common.messaging.Retry;
import com.example.loyalty.events.EventEnvelope;
import com.example.loyalty.events.EventJson;
import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.Topics;
import com.example.loyalty.metrics.config.MetricsConfig;
import com.example.loyalty.metrics.service.ActivityService;
import com.example.loyalty.metrics.service.UnprocessableEventException;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.Set;

/**
 * Consumes {@link Topics#LOYALTY_TRANSACTIONS} (the channel has the topic's name) on a worker thread, one
 * record at a time in partition order. A record that is not an event envelope or cannot be applied is
 * rejected: the channel's failure strategy sends it to {@code loyalty-transactions.dlq} and consumption goes
 * on. Other failures are retried in place first (see {@link MetricsConfig.Consumer}).
 */
@ApplicationScoped
public class LoyaltyTransactionsConsumer {

    private static final Logger LOG = Logger.getLogger(LoyaltyTransactionsConsumer.class);
    private static final Set<String> KNOWN_TYPES = Set.of(EventTypes.POINTS_EARNED, EventTypes.POINTS_REDEEMED,
            EventTypes.TIER_CHANGED, EventTypes.MEMBER_ENROLLED);

    private final ActivityService activity;
    private final MetricsConfig config;
    private final MeterRegistry registry;

    public LoyaltyTransactionsConsumer(ActivityService activity, MetricsConfig config, MeterRegistry registry) {
        this.activity = activity;
        this.config = config;
        this.registry = registry;
    }

    @Incoming(Topics.LOYALTY_TRANSACTIONS)
    @Blocking
    public void consume(String record) {
        EventEnvelope event;
        try {
            if (record == null || record.isBlank()) {
                throw new EventJson.MalformedEventException("empty record", null);
            }
            event = EventJson.read(record);
        } catch (EventJson.MalformedEventException e) {
            reject("malformed", e);
            throw e;
        }
        ActivityService.Outcome outcome;
        try {
            outcome = Retry.run(config.consumer().maxAttempts(), config.consumer().initialBackoff(),
                    e -> !(e instanceof UnprocessableEventException), () -> activity.apply(event));
        } catch (UnprocessableEventException e) {
            reject("unprocessable", e);
            throw e;
        } catch (RuntimeException e) {
            reject("failed", e);
            throw e;
        }
        String type = KNOWN_TYPES.contains(event.type()) ? event.type() : "other";
        if (outcome == ActivityService.Outcome.DUPLICATE) {
            registry.counter("metrics.events.duplicates", "type", type).increment();
            LOG.debugf("event %s (%s) was processed before, skipped", event.eventId(), event.type());
        } else {
            registry.counter("metrics.events.consumed", "type", type).increment();
        }
    }

    private void reject(String reason, RuntimeException e) {
        registry.counter("metrics.events.rejected", "reason", reason).increment();
        LOG.warnf("record rejected (%s), sending it to the dead-letter topic: %s", reason, e.getMessage());
    }
}
