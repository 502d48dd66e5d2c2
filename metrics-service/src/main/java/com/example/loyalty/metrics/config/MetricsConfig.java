package com.example.loyalty.metrics.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.ZoneId;

/** Typed settings of metrics-service ({@code metrics.*}). */
@ConfigMapping(prefix = "metrics")
public interface MetricsConfig {

    Surveys surveys();

    Behaviour behaviour();

    /** Behavioural loyalty: RFM, lifetime value, churn and the loyalty quadrant. */
    interface Behaviour {
        /** The program's currency: what the behavioural endpoints report when no {@code ?currency=} is given. */
        @WithDefault("JPY")
        String currency();

        /**
         * The zone whose calendar days purchases fall on (recency in days, repeat purchase days, cohorts by month,
         * churn periods, and the dates of queries).
         */
        @WithDefault("Asia/Tokyo")
        ZoneId zone();

        /** How far back frequency and monetary look from the as-of date. */
        @WithDefault("12")
        int rfmWindowMonths();

        /**
         * When the daily RFM recompute (as of yesterday) runs: a Quartz cron in {@link #zone()}; {@code off} disables
         * it (RfmSchedule reads it).
         */
        @WithDefault("0 30 2 * * ?")
        String rfmRecomputeCron();

        /**
         * PostgreSQL's {@code work_mem} for the recompute statement only (its aggregate and sorts; the server's
         * default, 4MB, spills them to disk). About 256 bytes per member of the currency: 256MB holds a million
         * members, 10 million need some 2.5GB. Size it with the metrics database's memory: each hash and sort of
         * the one statement may take this much.
         */
        @WithDefault("256MB")
        @Pattern(regexp = "[1-9][0-9]*(kB|MB|GB)", message = "a PostgreSQL memory size such as 256MB")
        String rfmRecomputeWorkMem();

        /** A member is behaviourally high from this R+F+M sum (3–15). */
        @WithDefault("10")
        int behaviouralHighFrom();

        /** Whether a passive (7–8) NPS or continued-use answer counts as attitudinally high. */
        @WithDefault("false")
        boolean passiveIsHigh();

        /** A member without a purchase for this long has stopped (churn). */
        @WithDefault("180")
        int inactivityDays();

        Ltv ltv();

        Community community();

        /**
         * Community engagement (community-activity) on the attitudinal side of the loyalty quadrant: a member whose
         * live contributions of the last {@link #windowDays()} days weigh at least {@link #attachedScore()} is
         * attached, unless their latest answer says detractor (see docs/behaviour.md).
         */
        interface Community {
            /** Days back from now that contributions count toward engagement. */
            @WithDefault("90")
            @Positive
            int windowDays();

            /**
             * The contribution score (sum of the contributions' weights in the window) from which a member is
             * attached; 0 keeps community engagement out of the quadrant (it is still shown on profiles).
             */
            @WithDefault("20")
            @PositiveOrZero
            int attachedScore();
        }

        interface Ltv {
            /** Gross margin, 0–1, applied to revenue. */
            @WithDefault("1.0")
            double margin();

            /** Years a member is expected to stay. */
            @WithDefault("3")
            double retentionYears();

            /** Cost to acquire a member, in minor units of the currency. */
            @WithDefault("0")
            long acquisitionCost();

            /** Cost to retain a member per year, in minor units of the currency. */
            @WithDefault("0")
            long retentionCostPerYear();

            /** Annual discount rate for the discounted probabilistic CLV (0.1 = 10 %). */
            @WithDefault("0.1")
            double annualDiscountRate();
        }
    }

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

        /**
         * Significance level α of the comparisons of two sides (waves, periods, ...): a change is significant when
         * its two-sided p-value is below it; the difference's margin of error is that of a (1 − α) interval.
         * Requests may ask for another ({@code alpha=}). Must be above 0 and at most 0.5 (checked at start).
         */
        @WithDefault("0.05")
        double significanceLevel();
    }
}
