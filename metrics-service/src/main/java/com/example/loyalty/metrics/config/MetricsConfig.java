package com.example.loyalty.metrics.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Typed settings of metrics-service ({@code metrics.*}). */
@ConfigMapping(prefix = "metrics")
public interface MetricsConfig {

    Consumer consumer();

    interface Consumer {
        /**
         * How often a record whose processing fails for a reason other than its content (database unavailable,
         * lock timeout) is tried before it is given up to the dead-letter topic.
         */
        @WithDefault("5")
        int maxAttempts();

        /** Pause before the second attempt; doubled for each further one. */
        @WithDefault("PT0.5S")
        Duration initialBackoff();
    }
}
