package com.example.loyalty.metrics.messaging;

import com.example.loyalty.events.Topics;
import com.example.loyalty.messaging.consumer.EventConsumer;
import com.example.loyalty.metrics.service.ActivityService;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@link Topics#LOYALTY_TRANSACTIONS} (the channel has the topic's name) on a worker thread, one record at a
 * time in partition order, through the shared consumer idiom ({@link EventConsumer}): each event is applied to the
 * member aggregates once ({@link ActivityService#apply}, in the transaction that records it in the inbox); a record
 * that is not an event envelope or cannot be applied goes to {@code loyalty-transactions.dlq} through the channel's
 * failure strategy and consumption goes on; the database being away is waited out, never dead-lettered.
 */
@ApplicationScoped
public class LoyaltyTransactionsConsumer {

    private final EventConsumer consumer;
    private final ActivityService activity;

    public LoyaltyTransactionsConsumer(EventConsumer consumer, ActivityService activity) {
        this.consumer = consumer;
        this.activity = activity;
    }

    @Incoming(Topics.LOYALTY_TRANSACTIONS)
    @Blocking
    public void consume(String record) {
        consumer.consume(Topics.LOYALTY_TRANSACTIONS, record, activity::apply);
    }
}
