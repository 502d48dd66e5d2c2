package com.example.loyalty.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of the outbox relay ({@code loyalty.outbox.*}). */
@ConfigMapping(prefix = "loyalty.outbox")
public interface OutboxConfig {

    /** How often the relay looks for unsent events (it is also nudged after every commit that wrote one). */
    @WithDefault("1s")
    Duration pollInterval();

    /** Delay of the first timed run after start. */
    @WithDefault("5s")
    Duration initialDelay();

    /** Events sent and marked per transaction. */
    @WithDefault("200")
    int batchSize();
}
