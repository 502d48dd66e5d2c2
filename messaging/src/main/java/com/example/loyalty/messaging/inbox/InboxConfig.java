package com.example.loyalty.messaging.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the inbox ({@code loyalty.inbox.*}). */
@ConfigMapping(prefix = "loyalty.inbox")
public interface InboxConfig {

    /**
     * Processed-event ids older than this are deleted. Kafka redelivers only records a consumer has not committed
     * (minutes old), and a replay from a dead-letter topic happens within days; keep it well above both.
     */
    @WithDefault("P14D")
    Duration retention();
}
