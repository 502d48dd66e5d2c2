package com.example.loyalty.survey.messaging;

import com.example.loyalty.common.messaging.Retry;
import com.example.loyalty.events.EventEnvelope;
import com.example.loyalty.events.EventJson;
import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.Topics;
import com.example.loyalty.survey.config.SurveysConfig;
import com.example.loyalty.survey.service.DirectoryService;
import com.example.loyalty.survey.service.UnprocessableEventException;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.Set;

/**
 * Builds the member directory from {@link Topics#MEMBER_EVENTS} (MemberEnrolled: subject ↔ member id) and
 * {@link Topics#LOYALTY_TRANSACTIONS} (TierChanged, PointsEarned: tier). Each channel has its topic's name and
 * is consumed on a worker thread, one record at a time in partition order. A record that is not an event
 * envelope or cannot be applied is rejected: the channel's failure strategy sends it to its dead-letter topic
 * and consumption goes on. Other failures are retried in place first (see {@link SurveysConfig.Consumer}).
 */
@ApplicationScoped
public class MemberDirectoryConsumer {

    private static final Logger LOG = Logger.getLogger(MemberDirectoryConsumer.class);
    private static final Set<String> KNOWN_TYPES = Set.of(EventTypes.MEMBER_ENROLLED, EventTypes.TIER_CHANGED,
            EventTypes.POINTS_EARNED, EventTypes.POINTS_REDEEMED, EventTypes.POINTS_AWARDED);

    private final DirectoryService directory;
    private final SurveysConfig config;
    private final MeterRegistry registry;

    public MemberDirectoryConsumer(DirectoryService directory, SurveysConfig config, MeterRegistry registry) {
        this.directory = directory;
        this.config = config;
        this.registry = registry;
    }

    @Incoming(Topics.MEMBER_EVENTS)
    @Blocking
    public void memberEvent(String record) {
        consume(Topics.MEMBER_EVENTS, record);
    }

    @Incoming(Topics.LOYALTY_TRANSACTIONS)
    @Blocking
    public void loyaltyTransaction(String record) {
        consume(Topics.LOYALTY_TRANSACTIONS, record);
    }

    private void consume(String topic, String record) {
        EventEnvelope event;
        try {
            event = EventJson.read(record);
        } catch (EventJson.MalformedEventException e) {
            reject(topic, "malformed", e);
            throw e;
        }
        DirectoryService.Outcome outcome;
        try {
            outcome = Retry.run(config.consumer().maxAttempts(), config.consumer().initialBackoff(),
                    e -> !(e instanceof UnprocessableEventException), () -> directory.apply(event));
        } catch (UnprocessableEventException e) {
            reject(topic, "unprocessable", e);
            throw e;
        } catch (RuntimeException e) {
            reject(topic, "failed", e);
            throw e;
        }
        String type = KNOWN_TYPES.contains(event.type()) ? event.type() : "other";
        registry.counter("surveys.directory.events", "topic", topic, "type", type, "outcome",
                outcome.name().toLowerCase(java.util.Locale.ROOT)).increment();
        LOG.debugf("%s event %s from %s: %s", event.type(), event.eventId(), topic, outcome);
    }

    private void reject(String topic, String reason, RuntimeException e) {
        registry.counter("surveys.directory.events.rejected", "topic", topic, "reason", reason).increment();
        LOG.warnf("record from %s rejected (%s), sending it to the dead-letter topic: %s", topic, reason, e.getMessage());
    }
}
