package com.example.loyalty.community.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of community events ({@code community.events.*}). */
@ConfigMapping(prefix = "community.events")
public interface EventsConfig {

    /** How long before an event starts staff may check members in. */
    @WithDefault("PT2H")
    Duration checkInOpensBefore();

    /** How long after an event is over (its end, or its start without one) staff may still check members in. */
    @WithDefault("P1D")
    Duration checkInClosesAfter();

    /** The largest capacity an event may have. */
    @WithDefault("100000")
    int maxCapacity();
}
