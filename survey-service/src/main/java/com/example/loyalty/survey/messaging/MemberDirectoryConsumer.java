package com.example.loyalty.survey.messaging;

import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.Topics;
import com.example.loyalty.messaging.consumer.EventConsumer;
import com.example.loyalty.survey.service.DirectoryService;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Builds the member directory from {@link Topics#MEMBER_EVENTS} (MemberEnrolled: subject ↔ member id),
 * {@link Topics#LOYALTY_TRANSACTIONS} (TierChanged: tier) and {@link Topics#LOYALTY_INSIGHTS} (SegmentChanged: RFM
 * segment and loyalty quadrant), through the shared consumer idiom
 * ({@link EventConsumer}). Each channel has its topic's name, which is also its consumer name in the inbox, and is
 * consumed on a worker thread, one record at a time in partition order. A record that is not an event envelope, or
 * whose content {@link DirectoryService} cannot apply, goes to the channel's dead-letter topic at once; the database
 * being away is waited out, never dead-lettered; each event is applied once per channel. Of loyalty-transactions only
 * the tier changes matter here: the purchases and redemptions that make up the bulk of the topic are skipped without
 * touching the database (the tier a purchase reports is the one a TierChanged already told).
 */
@ApplicationScoped
public class MemberDirectoryConsumer {

    private static final java.util.Set<String> TIER_EVENTS =
            java.util.Set.of(EventTypes.TIER_CHANGED, EventTypes.MEMBER_ENROLLED);
    private static final java.util.Set<String> SEGMENT_EVENTS = java.util.Set.of(EventTypes.SEGMENT_CHANGED);

    private final EventConsumer consumer;
    private final DirectoryService directory;

    public MemberDirectoryConsumer(EventConsumer consumer, DirectoryService directory) {
        this.consumer = consumer;
        this.directory = directory;
    }

    @Incoming(Topics.MEMBER_EVENTS)
    @Blocking
    public void memberEvent(ConsumerRecord<String, String> record) {
        consumer.consume(Topics.MEMBER_EVENTS, record, directory::apply);
    }

    /**
     * A poll's batch at a time ({@code batch=true}): the tier changes of a batch are applied in one transaction, and
     * the purchases that make up the bulk of the topic cost a JSON parse each and nothing else.
     */
    @Incoming(Topics.LOYALTY_TRANSACTIONS)
    @Blocking
    public void loyaltyTransactions(ConsumerRecords<String, String> records) {
        List<ConsumerRecord<String, String>> batch = new ArrayList<>(records.count());
        records.forEach(batch::add);
        consumer.consumeBatch(
                Topics.LOYALTY_TRANSACTIONS,
                Topics.LOYALTY_TRANSACTIONS + ".survey-service.dlq",
                batch,
                TIER_EVENTS,
                directory::applyAll);
    }

    /**
     * A poll's batch at a time ({@code batch=true}): the SegmentChanged events of a batch are applied in one
     * transaction with one statement ({@link DirectoryService#applySegments}), so a recompute that moves a million
     * members costs a few statements per poll, not one per member; the follow-ups that share the topic are skipped.
     */
    @Incoming(Topics.LOYALTY_INSIGHTS)
    @Blocking
    public void loyaltyInsights(ConsumerRecords<String, String> records) {
        List<ConsumerRecord<String, String>> batch = new ArrayList<>(records.count());
        records.forEach(batch::add);
        consumer.consumeBatch(
                Topics.LOYALTY_INSIGHTS,
                Topics.LOYALTY_INSIGHTS + ".survey-service.dlq",
                batch,
                SEGMENT_EVENTS,
                directory::applySegments);
    }
}
