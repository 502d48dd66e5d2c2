package com.example.loyalty.metrics.messaging;

import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.Topics;
import com.example.loyalty.messaging.consumer.EventConsumer;
import com.example.loyalty.metrics.service.CommunityEngagementService;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps community-service's contributions and revocations ({@link Topics#COMMUNITY_ACTIVITY}) for community
 * engagement ({@link CommunityEngagementService}), a poll at a time through the shared consumer idiom
 * ({@link EventConsumer#consumeBatch}): each event once (inbox), each contribution once (its id), poison to
 * {@code community-activity.metrics-service.dlq}, the database being away waited out.
 */
@ApplicationScoped
public class CommunityActivityConsumer {

    static final String DLQ = Topics.COMMUNITY_ACTIVITY + ".metrics-service.dlq";
    private static final Set<String> TYPES = types();

    private final EventConsumer consumer;
    private final CommunityEngagementService engagement;

    public CommunityActivityConsumer(EventConsumer consumer, CommunityEngagementService engagement) {
        this.consumer = consumer;
        this.engagement = engagement;
    }

    @Incoming(Topics.COMMUNITY_ACTIVITY)
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        List<ConsumerRecord<String, String>> batch = new ArrayList<>(records.count());
        records.forEach(batch::add);
        consumer.consumeBatch(Topics.COMMUNITY_ACTIVITY, DLQ, batch, TYPES, engagement::applyAll);
    }

    private static Set<String> types() {
        Set<String> types = new HashSet<>(EventTypes.COMMUNITY_CONTRIBUTIONS);
        types.add(EventTypes.CONTRIBUTION_REVOKED);
        return Set.copyOf(types);
    }
}
