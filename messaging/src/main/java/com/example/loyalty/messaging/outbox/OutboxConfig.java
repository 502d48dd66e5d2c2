package com.example.loyalty.messaging.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the outbox relay and of the pruning of published rows ({@code loyalty.outbox.*}). */
@ConfigMapping(prefix = "loyalty.outbox")
public interface OutboxConfig {

    /** How often the relay looks for unsent events (it is also nudged after every commit that wrote one). */
    @WithDefault("1s")
    Duration pollInterval();

    /**
     * How long the relay waits after a commit that wrote events before it runs, so that the commits of concurrent
     * requests share one run (and one transaction) instead of one each.
     */
    @WithDefault("10ms")
    Duration nudgeDelay();

    /** Delay of the first timed run after start. */
    @WithDefault("5s")
    Duration initialDelay();

    /** Events sent and marked per transaction. */
    @WithDefault("200")
    int batchSize();

    /** How long the relay waits for the broker to acknowledge a batch before it leaves the batch for the next run. */
    @WithDefault("30s")
    Duration sendTimeout();

    /**
     * Sends an event may fail with an error that is not Kafka's "try again" (an unknown server error, an
     * authorization error) before it is parked. Errors that can never pass (record too large, invalid topic,
     * serialization) park it at once; retriable ones (broker away, timeouts) never park it.
     */
    @WithDefault("5")
    int maxAttempts();

    /** Published rows older than this are deleted. */
    @WithDefault("P7D")
    Duration retention();
}
