package com.example.loyalty.metrics.messaging;

import com.example.loyalty.events.EventEnvelope;
import com.example.loyalty.events.Topics;
import com.example.loyalty.messaging.consumer.EventConsumer;
import com.example.loyalty.metrics.service.ActivityService;
import com.example.loyalty.metrics.service.PaidMembershipService;
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

    /** The types this consumer applies: the activity's, and paid-membership changes. */
    static final Set<String> TYPES = union(ActivityService.TYPES, PaidMembershipService.TYPES);

    private final EventConsumer consumer;
    private final ActivityService activity;
    private final PaidMembershipService memberships;

    public LoyaltyTransactionsConsumer(
            EventConsumer consumer, ActivityService activity, PaidMembershipService memberships) {
        this.consumer = consumer;
        this.activity = activity;
        this.memberships = memberships;
    }

    @Incoming(Topics.LOYALTY_TRANSACTIONS)
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        List<ConsumerRecord<String, String>> batch = new ArrayList<>(records.count());
        records.forEach(batch::add);
        consumer.consumeBatch(Topics.LOYALTY_TRANSACTIONS, DLQ, batch, TYPES, this::applyAll);
    }

    /** A batch in the consumer's transaction: purchases, returns and tiers to the activity, memberships apart. */
    void applyAll(List<EventEnvelope> events) {
        List<EventEnvelope> toActivity = new ArrayList<>(events.size());
        List<EventEnvelope> toMemberships = new ArrayList<>();
        for (EventEnvelope e : events) {
            (PaidMembershipService.TYPES.contains(e.type()) ? toMemberships : toActivity).add(e);
        }
        if (!toActivity.isEmpty()) {
            activity.applyAll(toActivity);
        }
        memberships.applyAll(toMemberships);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
