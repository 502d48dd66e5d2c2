package com.example.loyalty.survey.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;

/** Typed settings of survey-service ({@code surveys.*}). */
@ConfigMapping(prefix = "surveys")
public interface SurveysConfig {

    Waves waves();

    Answers answers();

    Anonymity anonymity();

    Targeting targeting();

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

        /**
         * Largest body of a response (POST .../responses), in bytes; a larger one is refused with a 413. The default
         * holds any response within the other limits (100 answers, texts of 2,000 characters) written in UTF-8.
         */
        @WithDefault("1M")
        MemorySize maxBody();
    }

    interface Anonymity {
        /**
         * Key of the HMAC that turns a respondent's subject into the participation hash of an anonymous wave.
         * Keep it secret (environment / Kubernetes Secret): whoever has it can test a subject against the hashes.
         * No default: production sets {@code SURVEYS_SUBJECT_HASH_KEY}; only dev, test and the local stack have one.
         */
        String subjectHashKey();

        /**
         * k of the answer mixer ({@code AnswerMixer}): anonymous answers reach {@code survey_response} and the
         * SurveyResponded stream only in shuffled batches of at least k (fewer only when a whole wave had fewer).
         */
        @WithDefault("10")
        @Min(2)
        int batchSize();

        /** How often the answer mixer looks at the staged anonymous answers. */
        @WithDefault("30s")
        Duration mixEvery();
    }

    interface Targeting {
        /**
         * ISO 4217 code of the program currency: SEGMENT and QUADRANT targets use the RFM segment and quadrant
         * metrics-service computes in this currency; SegmentChanged events in other currencies are ignored.
         */
        @WithDefault("JPY")
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as JPY")
        String currency();
    }
}
