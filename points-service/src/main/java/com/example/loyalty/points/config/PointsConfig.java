package com.example.loyalty.points.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

/** Typed settings of the points program ({@code points.*}). */
@ConfigMapping(prefix = "points")
public interface PointsConfig {

    Earn earn();

    Card card();

    SurveyAward surveyAward();

    CommunityAward communityAward();

    Imports imports();

    /**
     * The program's time zone: a local date or date-time without an offset (in an imported file) is read in it, and
     * members see times in it unless they choose another.
     */
    @WithDefault("Asia/Tokyo")
    ZoneId zone();

    interface Earn {
        /**
         * Earn rate per ISO 4217 currency: the spend, in minor units of that currency, that earns one base point (e.g.
         * {@code points.earn.rates.JPY=100}: 1 point per 100 yen; {@code points.earn.rates.USD=100}: 1 point per
         * dollar). The till accepts only these currencies; a purchase in any other one never earns (an import records
         * it as history). application.properties sets JPY=100.
         */
        Map<String, Integer> rates();

        /** How far in the future a purchase's {@code occurredAt} may lie (clock skew of tills). */
        @WithDefault("PT5M")
        Duration maxFutureSkew();
    }

    interface SurveyAward {
        /** Points for answering a survey, once per member per wave; 0 turns the award off. */
        @WithDefault("50")
        long points();
    }

    /**
     * Points for community contributions (the community-activity events of community-service): fixed points per
     * action, capped per member per calendar day and per calendar month in {@link #zone()}. See
     * docs/community-points.md.
     */
    interface CommunityAward {
        /** Fixed points per contribution type; 0 turns a type's points off. */
        Points points();

        /**
         * Most points community contributions credit to one member on one day (of the contribution, in the program's
         * zone); an award beyond it is recorded with what was left (possibly 0). Revoked awards still count.
         */
        @WithDefault("100")
        @PositiveOrZero
        long dailyCap();

        /** Most points community contributions credit to one member in one calendar month, as {@link #dailyCap()}. */
        @WithDefault("1000")
        @PositiveOrZero
        long monthlyCap();

        interface Points {
            /** A post created ({@code PostCreated}). */
            @WithDefault("5")
            @PositiveOrZero
            long postCreated();

            /** The member's answer accepted ({@code AnswerAccepted}). */
            @WithDefault("30")
            @PositiveOrZero
            long answerAccepted();

            /** A product review posted ({@code ReviewPosted}). */
            @WithDefault("10")
            @PositiveOrZero
            long reviewPosted();

            /** A reaction received on the member's content ({@code ReactionReceived}). */
            @WithDefault("1")
            @PositiveOrZero
            long reactionReceived();

            /** A community event attended ({@code EventAttended}). */
            @WithDefault("20")
            @PositiveOrZero
            long eventAttended();
        }
    }

    interface Card {
        /** Leading digits of every card code. */
        @WithDefault("88")
        String prefix();

        /** The QR code of the digital card ({@code GET /api/points/members/me/card.png} and {@code .svg}). */
        Qr qr();

        interface Qr {
            /** Pixels per module of the PNG (the SVG scales freely); 8 makes a version-1 code 232 px wide. */
            @WithDefault("8")
            @Min(1)
            @Max(40)
            int modulePixels();

            /** Light modules around the code; the QR standard asks for at least 4 for a camera to find it. */
            @WithDefault("4")
            @Min(4)
            @Max(16)
            int quietZone();
        }
    }

    /** Phone numbers as the till matches them (service/Phones). */
    Phone phone();

    interface Phone {
        /**
         * Country calling code (without +) of numbers given in national form: {@code 090-1234-5678} is matched as
         * {@code +819012345678} with the default 81 (Japan).
         */
        @WithDefault("81")
        @Pattern(regexp = "[1-9][0-9]{0,2}")
        String countryCode();
    }

    /** History imports ({@code POST /api/points/imports}). */
    interface Imports {
        /** Rows per transaction; the import's progress is committed with each. */
        @WithDefault("1000")
        int batchSize();

        /** Rejected rows whose line and reason are kept per import; all of them are counted. */
        @WithDefault("1000")
        int maxErrors();

        /** Imports running at once on this instance; more wait in line. */
        @WithDefault("2")
        int concurrency();

        /** Imports waiting in line at most; beyond that a new one is refused (503). */
        @WithDefault("20")
        int queue();

        /**
         * An import that says RUNNING but has not committed a batch for this long is reported as FAILED (the instance
         * running it stopped); far longer than any batch takes.
         */
        @WithDefault("PT10M")
        Duration staleAfter();

        /** Largest file accepted, in bytes (every other request keeps {@link #otherMaxBytes}). */
        @WithDefault("1073741824")
        long maxBytes();

        /** Largest body of any other request, in bytes. */
        @WithDefault("10485760")
        long otherMaxBytes();
    }
}
