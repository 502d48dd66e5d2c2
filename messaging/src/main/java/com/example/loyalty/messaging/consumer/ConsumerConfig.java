package com.example.loyalty.messaging.consumer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How {@link EventConsumer} retries ({@code loyalty.consumer.*}). */
@ConfigMapping(prefix = "loyalty.consumer")
public interface ConsumerConfig {

    /**
     * Failures that pass by themselves ({@link TransientFailures}: the database away or failing over, a lock or
     * serialization conflict) are retried without limit, with exponential back-off from this delay...
     */
    @WithDefault("200ms")
    Duration transientInitialDelay();

    /** ...up to this delay between attempts. */
    @WithDefault("10s")
    Duration transientMaxDelay();

    /**
     * Any other failure (a bug, a constraint the event breaks) is retried this many times, then the record goes to
     * the consumer's dead-letter topic, so one record cannot stall its partition for ever.
     */
    @WithDefault("3")
    int failureRetries();

    /** Pause before the first retry of such a failure; doubled for each further one. */
    @WithDefault("500ms")
    Duration failureInitialDelay();
}
