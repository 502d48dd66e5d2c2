package com.example.loyalty.survey.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Typed settings of survey-service ({@code surveys.*}). */
@ConfigMapping(prefix = "surveys")
public interface SurveysConfig {

    Waves waves();

    Answers answers();

    Anonymity anonymity();

    Consumer consumer();

    interface Waves {
        /** Answer window of the first wave that publishing a survey opens, when the request names no closesAt. */
        @WithDefault("P30D")
        Duration defaultWindow();

        /** Longest answer window a wave may have. */
        @WithDefault("P400D")
        Duration maxWindow();

        /** Most member ids a MEMBERS target may list. */
        @WithDefault("10000")
        int maxMembers();
    }

    interface Answers {
        /** Longest free-text answer, in characters (code points). */
        @WithDefault("2000")
        int maxTextLength();
    }

    interface Anonymity {
        /**
         * Key of the HMAC that turns a respondent's subject into the participation hash of an anonymous wave.
         * Keep it secret (environment / Kubernetes Secret): whoever has it can test a subject against the hashes.
         */
        String subjectHashKey();
    }

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
