package com.example.loyalty.points.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Set;

/** Typed settings of the points program ({@code points.*}). */
@ConfigMapping(prefix = "points")
public interface PointsConfig {

    Earn earn();

    Card card();

    SurveyAward surveyAward();

    interface Earn {
        /** Spend (in yen) that earns one base point. */
        @WithDefault("100")
        int yenPerPoint();

        /** ISO 4217 currencies the program accepts at the till. */
        @WithDefault("JPY")
        Set<String> currencies();

        /** How far in the future a purchase's {@code occurredAt} may lie (clock skew of tills). */
        @WithDefault("PT5M")
        Duration maxFutureSkew();
    }

    interface SurveyAward {
        /** Points for answering a survey, once per member per wave; 0 turns the award off. */
        @WithDefault("50")
        long points();
    }

    interface Card {
        /** Leading digits of every card code. */
        @WithDefault("88")
        String prefix();
    }
}
