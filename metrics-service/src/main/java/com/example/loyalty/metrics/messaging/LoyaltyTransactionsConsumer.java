package com.example.loyalty.metrics.messaging;

import com.example.loyalty.events.Topics;
import com.example.loyalty.messaging.consumer.EventConsumer;
import com.example.loyalty.metrics.service.ActivityService;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@link Topics#LOYALTY_TRANSACTIONS} (the channel has the topic's name, {@code batch=true}) on a worker
 * thread, a poll's batch at a time, through the shared consumer idiom ({@link EventConsumer#consumeBatch}): the
 * purchases, returns and tier changes of a batch are recorded in the inbox and applied to the member aggregates in one
 * transaction ({@link ActivityService#applyAll}), a few statements for hundreds of events, where one event per
 * transaction cost every purchase at the till about as much work here as in points-service; other types are skipped
 * without a database write; a record that is not an event, or an event that cannot be applied, goes to
 * {@code loyalty-transactions.dlq} and the others go on; the database being away is waited out, never dead-lettered.
 */
@ApplicationScoped
public class LoyaltyTransactionsConsumer {

    static final String DLQ = Topics.LOYALTY_TRANSACTIONS + ".dlq";

    private final EventConsumer consumer;
    private final ActivityService activity;

    public LoyaltyTransactionsConsumer(EventConsumer consumer, ActivityService activity) {
        this.consumer = consumer;
        this.activity = activity;
    }

    @Incoming(Topics.LOYALTY_TRANSACTIONS)
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        List<ConsumerRecord<String, String>> batch = new ArrayList<>(records.count());
        records.forEach(batch::add);
        consumer.consumeBatch(Topics.LOYALTY_TRANSACTIONS, DLQ, batch, ActivityService.TYPES, activity::applyAll);
    }
}
