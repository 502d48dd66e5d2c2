package com.example.loyalty.messaging.housekeeping;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the pruning of the outbox and the inbox ({@code loyalty.housekeeping.*}). */
@ConfigMapping(prefix = "loyalty.housekeeping")
public interface HousekeepingConfig {

    /** How often pruning runs (a Quarkus scheduler interval, e.g. {@code 10m}); {@code off} turns it off. */
    @WithDefault("10m")
    String every();

    /** Rows deleted per statement, so one run never holds long locks or a huge transaction. */
    @WithDefault("5000")
    int chunkSize();
}
