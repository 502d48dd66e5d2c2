package com.example.loyalty.metrics.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.ZoneId;

/** Typed settings of metrics-service ({@code metrics.*}). */
@ConfigMapping(prefix = "metrics")
public interface MetricsConfig {

    Surveys surveys();

    interface Surveys {
        /**
         * The zone whose calendar days survey answers are counted in (day, week and month periods, and the
         * {@code from}/{@code to} dates of queries). Fixed when answers are counted: changing it later leaves
         * answers already counted on the days of the old zone.
         */
        @WithDefault("Asia/Tokyo")
        ZoneId zone();

        /** Sample size from which a survey metric is flagged reliable (every type but CSI). */
        @WithDefault("30")
        int minimumSample();

        /** Sample size from which a CSI metric (per item and overall) is flagged reliable. */
        @WithDefault("100")
        int minimumSampleCsi();

        /** Most periods a time series may have (e.g. 1000 days); longer ranges are refused with 400. */
        @WithDefault("1000")
        int maxPeriods();
    }
}
