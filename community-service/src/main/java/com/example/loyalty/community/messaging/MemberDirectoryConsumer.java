package com.example.loyalty.community.messaging;

import com.example.loyalty.community.service.DirectoryService;
import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.Topics;
import com.example.loyalty.messaging.consumer.EventConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Builds the community's member directory from {@link Topics#MEMBER_EVENTS} (MemberEnrolled: subject, display name)
 * and the tier changes of {@link Topics#LOYALTY_TRANSACTIONS}, through the shared consumer idiom
 * ({@link EventConsumer}): a record that is not an event, or that cannot be applied, goes to the channel's dead-letter
 * topic; the database being away is waited out; each event applies once. Purchases and redemptions, the bulk of
 * loyalty-transactions, cost a JSON parse and no database write.
 */
@ApplicationScoped
public class MemberDirectoryConsumer {

    private static final Set<String> TIER_EVENTS = Set.of(EventTypes.TIER_CHANGED);

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

    @Incoming(Topics.LOYALTY_TRANSACTIONS)
    @Blocking
    public void loyaltyTransactions(ConsumerRecords<String, String> records) {
        List<ConsumerRecord<String, String>> batch = new ArrayList<>(records.count());
        records.forEach(batch::add);
        consumer.consumeBatch(
                Topics.LOYALTY_TRANSACTIONS,
                Topics.LOYALTY_TRANSACTIONS + ".community-service.dlq",
                batch,
                TIER_EVENTS,
                directory::applyAll);
    }
}
